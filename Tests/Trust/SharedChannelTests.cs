using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Trust;

/// <summary>
/// In a shared channel Teams names the host team, but people from other teams and organisations write there too: only
/// the team's roster says who is in the team (security review L6).
/// </summary>
public sealed class SharedChannelTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task In_a_shared_channel_only_people_in_the_teams_roster_can_answer_the_pulse()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        var round = await team.OpenRoundAsync(MondayTenOslo);
        var member = team.Member();
        var outsider = new TeamsActivities(team.Connector.ServiceUrl) { TenantId = team.Teams.TenantId, TeamId = team.Teams.TeamId }; // not in the roster

        var outsiders = await AnswerInSharedChannelAsync(team, round, outsider);
        var members = await AnswerInSharedChannelAsync(team, round, member);

        Assert.Equal(T["error.notAllowed"], outsiders);
        Assert.Contains(T["pulse.thanks"], members);
        Assert.Single(await team.Pulse.ListAnswersAsync(round));
    }

    [Fact]
    public async Task In_a_shared_channel_someone_outside_the_team_cannot_send_it_an_idea()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var outsider = new TeamsActivities(team.Connector.ServiceUrl) { TenantId = team.Teams.TenantId, TeamId = team.Teams.TeamId };

        var submit = Shared(outsider.ChannelInvoke("task/submit", new JsonObject { ["data"] = team.Form(title: "Utenfra") }, outsider.UserAadObjectId));
        var answer = JsonNode.Parse(await (await team.Bot.PostAsync(submit)).Content.ReadAsStringAsync())!["task"]!["value"]!.GetValue<string>();

        Assert.Equal(T["idea.noTeams"], answer);
        Assert.Empty(await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
    }

    private static readonly Texts T = Texts.For(Language.Bokmal);

    private static async Task<string> AnswerInSharedChannelAsync(PulseTeam team, PulseRound round, TeamsActivities person)
    {
        var data = new JsonObject { ["round"] = round.RoundId, ["team"] = team.Teams.TeamId, ["value"] = 4 };
        var response = await team.Bot.PostAsync(Shared(person.ChannelCardAction(PulseVerbs.Answer, data, person.UserAadObjectId)));
        return CardContent.InvokeReply((await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private static JsonObject Shared(JsonObject activity)
    {
        activity["channelData"]!["channel"]!["membershipType"] = "shared";
        return activity;
    }
}
