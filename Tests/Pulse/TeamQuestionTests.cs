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

/// <summary>A team's own questions are bounded, and each added once (security review L1).</summary>
public sealed class TeamQuestionLimitTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static JsonObject Add(PulseTeam team, string text, string person) => team.Teams.ChannelCardAction(PulseVerbs.AddQuestion,
        new JsonObject { ["team"] = team.Teams.TeamId, ["text"] = text, ["type"] = "scale", ["theme"] = "ethics", ["low"] = "Dårlig", ["high"] = "Svært godt" }, person);

    private static async Task<string> SendAsync(PulseTeam team, JsonObject activity) =>
        CardContent.InvokeReply((await (await team.Bot.PostAsync(activity)).Content.ReadFromJsonAsync<JsonObject>())!);

    [Fact]
    public async Task Forty_long_questions_stop_at_the_limit_with_a_clear_message_and_the_leader_can_still_save_the_settings()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var coach = Guid.NewGuid().ToString();
        await team.Bot.Get<RoleRepository>().GrantAsync(team.Teams.TenantId, team.Teams.TeamId, coach, Role.Coach);

        var replies = new List<string>();
        for (var i = 0; i < 40; i++) replies.Add(await SendAsync(team, Add(team, $"{i:D2} " + new string('ø', 197), coach)));
        var saved = await SendAsync(team, team.Teams.ChannelCardAction(PulseVerbs.SaveSettings, new JsonObject
        {
            ["team"] = team.Teams.TeamId, ["day"] = "Monday", ["time"] = "10:00", ["openDays"] = "7", ["minAnswers"] = "6", ["themes"] = "",
        }, team.Teams.UserAadObjectId));

        Assert.All(replies.Take(20), r => Assert.Contains("Lagt til.", r));
        Assert.All(replies.Skip(20), r => Assert.Equal("Teamet har allerede 20 egne spørsmål, som er grensen.", r));
        Assert.Contains("Lagret. Neste spørsmål kommer", saved);
        var settings = (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;
        Assert.Equal((20, 6), (settings.TeamQuestions.Count, settings.MinAnswers));
    }

    [Fact]
    public async Task The_same_question_sent_twice_or_delivered_twice_is_added_once()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var leader = team.Teams.UserAadObjectId;
        var tap = Add(team, "Fikk du pause i dag?", leader);

        var first = await SendAsync(team, tap);
        var redelivered = await SendAsync(team, tap); // Teams sends the same activity again
        var again = await SendAsync(team, Add(team, "Fikk du pause i dag?", leader)); // the person taps once more

        Assert.All(new[] { first, redelivered, again }, r => Assert.Contains("Lagt til.", r));
        Assert.Single((await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!.TeamQuestions);
    }
}
