using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Pulse;

/// <summary>Anchor questions: the same words every few rounds, between the rotating ones, so a trend compares like with like.</summary>
public sealed class PulseAnchorTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static async Task<List<string>> AskedAsync(PulseTeam team, int weeks)
    {
        var asked = new List<string>();
        for (var week = 0; week < weeks; week++)
        {
            await team.RunAtAsync(MondayTenOslo.AddDays(7 * week));
            asked.Add((await team.CurrentRoundAsync()).QuestionId);
        }
        return asked;
    }

    [Fact]
    public async Task Every_fourth_week_asks_an_anchor_question_with_the_same_words_and_the_anchors_take_turns()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);

        var asked = await AskedAsync(team, 8);

        var rotating = QuestionLibrary.All.Where(q => !q.Anchor && !q.Leaders).Select(q => q.Id).ToList();
        Assert.Equal([rotating[0], rotating[1], rotating[2], "K1", rotating[3], rotating[4], rotating[5], "K2"], asked);
        var posted = team.ChannelCards().Where(c => c.Method == "POST").ToList();
        Assert.Contains(QuestionLibrary.Find("K1")!.Bokmal.Text, posted[3].CardText);
    }

    [Fact]
    public async Task A_leader_sets_anchors_to_every_second_week_on_the_settings_card()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var data = new JsonObject
        {
            ["team"] = team.Teams.TeamId, ["day"] = "Monday", ["time"] = "10:00", ["openDays"] = "7", ["minAnswers"] = "5", ["themes"] = "",
            ["anchorEvery"] = "2",
        };

        var response = await team.Bot.PostAsync(team.Teams.ChannelCardAction(PulseVerbs.SaveSettings, data, team.Teams.UserAadObjectId));
        response.EnsureSuccessStatusCode();
        var asked = await AskedAsync(team, 4);

        Assert.Equal(2, (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!.AnchorEvery);
        Assert.Equal(["K1", "K2"], asked.Where((_, i) => i % 2 == 1));
        Assert.DoesNotContain(asked.Where((_, i) => i % 2 == 0), id => QuestionLibrary.Find(id)!.Anchor);
    }
}
