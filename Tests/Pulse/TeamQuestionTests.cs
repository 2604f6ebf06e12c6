using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Pulse;

/// <summary>Leaders and coaches add their own questions; they come before the library's.</summary>
public sealed class TeamQuestionTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static async Task<string> AddAsync(PulseTeam team, string person, string text, string type = "scale+comment", string? low = "Dårlig", string? high = "Svært godt")
    {
        var data = new JsonObject { ["team"] = team.Teams.TeamId, ["text"] = text, ["type"] = type, ["theme"] = "ethics", ["low"] = low, ["high"] = high };
        var response = await team.Bot.PostAsync(team.Teams.ChannelCardAction(PulseVerbs.AddQuestion, data, person));
        return CardContent.InvokeReply((await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    [Fact]
    public async Task A_coachs_question_is_asked_next_and_shown_as_written()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var coach = Guid.NewGuid().ToString();
        await team.Bot.Get<RoleRepository>().GrantAsync(team.Teams.TenantId, team.Teams.TeamId, coach, Role.Coach);

        var reply = await AddAsync(team, coach, "Hvordan gikk *overlappen* i dag?");
        await team.RunAtAsync(MondayTenOslo);

        Assert.Contains("Lagt til.", reply);
        var card = Assert.Single(team.ChannelCards());
        Assert.Contains("Hvordan gikk *overlappen* i dag?", card.CardText);
        Assert.Contains("1 = Dårlig · 5 = Svært godt", card.CardText);
    }

    [Fact]
    public async Task Staff_cannot_add_questions_even_with_a_forged_card()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);

        var reply = await AddAsync(team, Guid.NewGuid().ToString(), "Et spørsmål");

        Assert.Contains("Bare ledere og veiledere i teamet kan legge til spørsmål.", reply);
        Assert.Empty((await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!.TeamQuestions);
    }

    [Theory]
    [InlineData("", "scale", "En", "To", "Skriv spørsmålet")]
    [InlineData("Skala uten forklaring", "scale", null, null, "En skala trenger en kort forklaring")]
    [InlineData("Ukjent type", "poll", null, null, "Velg type svar og tema.")]
    public async Task An_incomplete_question_is_refused(string text, string type, string? low, string? high, string expected)
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);

        var reply = await AddAsync(team, team.Teams.UserAadObjectId, text, type, low, high);

        Assert.Contains(expected, reply);
        Assert.Empty((await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!.TeamQuestions);
    }

    [Fact]
    public async Task A_text_question_needs_no_scale_labels()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);

        var reply = await AddAsync(team, team.Teams.UserAadObjectId, "Hva lærte du av nattevakta?", "text", null, null);

        Assert.Contains("Lagt til.", reply);
        var question = Assert.Single((await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!.TeamQuestions);
        Assert.Equal(("text", null, null), (question.Type, question.Low, question.High));
    }
}
