using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Pulse;

/// <summary>"spør nå" and the welcome card's "ask the first question now": this week's question without waiting for the regular day.</summary>
public sealed class PulseAskNowTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts T = Texts.For(Language.Bokmal);
    // Wednesday 2 December 2026, 13:00 in Oslo; the team's regular day is Monday 10:00.
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static async Task<string> AskNowAsync(PulseTeam team, string? from = null)
    {
        await team.Bot.PostAsync(team.Teams.ChannelMessage("spør nå", fromAadObjectId: from));
        return team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].Text!;
    }

    private static void AssertTheSecondQuestionCame(PulseTeam team)
    {
        var posted = team.ChannelCards().Where(c => c.Method == "POST").ToList();
        Assert.Equal(2, posted.Count);
        Assert.Contains(QuestionLibrary.All[1].Bokmal.Text, posted[1].CardText);
    }

    [Fact]
    public async Task A_leader_asks_now_and_the_question_comes_at_once_then_the_next_on_the_regular_day()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);

        Assert.Equal("Ukens spørsmål kommer onsdag 2. desember kl. 13:00.", await AskNowAsync(team));
        await team.RunAtAsync(Wednesday);

        var asked = Assert.Single(team.ChannelCards());
        Assert.Contains(QuestionLibrary.All[0].Bokmal.Text, asked.CardText);
        // Open until the next regular question, so only one question is open at a time.
        Assert.Contains("Du kan svare til mandag 7. desember kl. 10:00.", asked.CardText);

        await team.RunAtAsync(MondayTenOslo);
        AssertTheSecondQuestionCame(team);
    }

    [Fact]
    public async Task Asking_on_Wednesday_for_a_Friday_team_still_brings_next_Fridays_question()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        await team.SendAsync(team.Teams.ChannelCardAction(PulseVerbs.SaveSettings, new JsonObject
        {
            ["team"] = team.Teams.TeamId, ["day"] = "Friday", ["time"] = "10:00", ["openDays"] = "7", ["minAnswers"] = "5", ["themes"] = "",
        }, team.Teams.UserAadObjectId));

        await AskNowAsync(team); // this week's Friday job, moved to now
        await team.RunAtAsync(Wednesday);
        await team.RunAtAsync(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero)); // this Friday: nothing more
        Assert.Single(team.ChannelCards(), c => c.Method == "POST");

        await team.RunAtAsync(new DateTimeOffset(2026, 12, 11, 9, 0, 0, TimeSpan.Zero)); // next Friday 10:00
        AssertTheSecondQuestionCame(team);
    }

    [Fact]
    public async Task Asking_now_while_a_round_is_open_is_refused_with_when_it_closes()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        await team.OpenRoundAsync(MondayTenOslo);
        team.Clock.SetUtcNow(MondayTenOslo.AddDays(2));

        Assert.Equal("Teamet har allerede et åpent spørsmål. Det stenger mandag 14. desember kl. 10:00.", await AskNowAsync(team));
        await team.RunAtAsync(MondayTenOslo.AddDays(2));
        Assert.Single(team.ChannelCards());
    }

    [Fact]
    public async Task Asking_now_after_this_weeks_round_closed_says_when_the_next_comes()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var settings = (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;
        await team.Pulse.SaveSettingsAsync(settings with { OpenDays = 1 });
        var round = await team.OpenRoundAsync(MondayTenOslo);
        await team.RunAtAsync(round.ClosesAt);
        team.Clock.SetUtcNow(MondayTenOslo.AddDays(3));

        Assert.Equal("Teamet har allerede fått ukens spørsmål. Det neste kommer mandag 14. desember kl. 10:00.", await AskNowAsync(team));
    }

    [Fact]
    public async Task Late_in_the_evening_the_question_waits_for_the_morning()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday.AddHours(9)); // 22:00 in Oslo

        Assert.Equal("Ukens spørsmål kommer torsdag 3. desember kl. 08:00.", await AskNowAsync(team));
        await team.RunAtAsync(Wednesday.AddHours(18));
        Assert.Empty(team.ChannelCards());
        await team.RunAtAsync(Wednesday.AddHours(19));
        Assert.Single(team.ChannelCards());
    }

    [Fact]
    public async Task The_leader_who_installed_can_have_the_first_question_at_once_from_the_welcome_card()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var welcome = team.Connector.SentTo(team.Teams.GeneralChannelId).First(s => s.Card is not null);
        Assert.Contains(T["pulse.askNow.first"], welcome.CardText);
        Assert.Contains(T["pulse.askNow.button"], welcome.CardText);

        var reply = await team.SendAsync(team.Teams.ChannelCardAction(PulseVerbs.AskNow, new JsonObject { ["team"] = team.Teams.TeamId }, team.Teams.UserAadObjectId));
        await team.RunAtAsync(Wednesday);

        Assert.Equal("Ukens spørsmål kommer onsdag 2. desember kl. 13:00.", reply);
        Assert.Contains(QuestionLibrary.All[0].Bokmal.Text, Assert.Single(team.ChannelCards()).CardText);
    }

    [Fact]
    public async Task A_staff_member_cannot_ask_now()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);

        Assert.Equal(T["pulse.askNow.rolesOnly"], await AskNowAsync(team, Guid.NewGuid().ToString()));
        await team.RunAtAsync(Wednesday.AddHours(1));
        Assert.Empty(team.ChannelCards());
    }
}
