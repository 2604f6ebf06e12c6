using System.Text.Json.Nodes;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Languages;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Teams;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Languages;

/// <summary>"språk" in the channel: the team's leaders choose the language of everything the bot posts in the team's channels.</summary>
public sealed class TeamLanguageTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly Texts Nn = Texts.For(Language.Nynorsk);
    private static readonly Texts Nb = Texts.For(Language.Bokmal);

    private static Task<string> ChooseAsync(PulseTeam team, string code, string? person = null) =>
        team.SendAsync(team.Teams.ChannelCardAction(LanguageVerbs.SetTeam, CardPayload.Write(new TeamLanguageChoice(team.Teams.TeamId, code)),
            person ?? team.Teams.UserAadObjectId));

    /// <summary>The team language buttons on a card: each one's title and the language it sets.</summary>
    private static List<string> LanguageButtons(JsonNode? node) => node switch
    {
        JsonObject o when o["verb"]?.GetValue<string>() == LanguageVerbs.SetTeam => [$"{o["title"]} {o["data"]!["code"]}"],
        JsonObject o => [.. o.SelectMany(p => LanguageButtons(p.Value))],
        JsonArray a => [.. a.SelectMany(LanguageButtons)],
        _ => [],
    };

    [Fact]
    public async Task The_welcome_card_in_the_channel_asks_the_language_with_the_installers_as_the_current_one()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday); // installed from nb-NO

        var welcome = Assert.Single(team.Connector.SentTo(team.Teams.GeneralChannelId), s => s.CardText.Contains(Nb["welcome.title"]));

        Assert.Contains(Nb.Format("language.team.question", "bokmål"), welcome.CardText);
        Assert.Equal(["Bokmål nb", "Nynorsk nn", "English en"], LanguageButtons(welcome.Card!));
    }

    [Fact]
    public async Task A_team_set_to_nynorsk_gets_the_weekly_question_result_and_idea_posts_in_nynorsk_after_a_restart_too()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday); // the installer's locale: nb-NO

        await team.Bot.PostAsync(team.Teams.ChannelMessage("språk"));
        Assert.Contains(Nb.Format("language.team.question", "bokmål"), team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].CardText);
        var reply = await ChooseAsync(team, "nn");
        await team.RestartAsync();

        Assert.Equal("No skriv eg på nynorsk i kanalane til teamet.", reply);
        Assert.Equal("nn", (await team.Bot.Get<TeamRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId))!.Language);

        await team.RunAtAsync(MondayTenOslo);
        var question = Assert.Single(team.Connector.SentTo(team.Teams.GeneralChannelId), s => s.CardText.StartsWith(Nn["pulse.title"]));
        Assert.Contains(QuestionLibrary.All[0].Nynorsk.Text, question.CardText);
        Assert.DoesNotContain(team.Connector.SentTo(team.Teams.GeneralChannelId), s => s.CardText.StartsWith(Nb["pulse.title"]));

        var round = (await team.Pulse.GetRoundAsync(team.Teams.TenantId, team.Teams.TeamId, "2026-W50"))!;
        await team.RunAtAsync(round.ClosesAt);
        // The question card turns into the result in place (next week's question comes the same minute: seven days open).
        var result = Assert.Single(team.Connector.SentTo(team.Teams.GeneralChannelId), s => s.CardText.StartsWith(Nn["pulse.title"]) && s.Method == "PUT");
        Assert.Contains(Nn.Format("pulse.result.tooFew", 0, round.MinAnswers), result.CardText);

        await team.SubmitIdeaAsync(Guid.NewGuid().ToString());
        await team.RunAtAsync(round.ClosesAt.AddMinutes(1));
        var idea = Assert.Single(team.IdeaCardsInChannel());
        Assert.Contains(Nn.Format("idea.card.comments", 0), idea.CardText);
        Assert.DoesNotContain(Nb.Format("idea.card.comments", 0), idea.CardText);
    }

    [Fact]
    public async Task English_for_the_team_and_back_to_bokmal()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);

        Assert.Equal("I now write in English in the team's channels.", await ChooseAsync(team, "en"));
        await team.RunAtAsync(MondayTenOslo);
        Assert.Single(team.Connector.SentTo(team.Teams.GeneralChannelId), s => s.CardText.StartsWith(Texts.For(Language.English)["pulse.title"]));

        Assert.Equal("Nå skriver jeg på bokmål i teamets kanaler.", await ChooseAsync(team, "nb"));
        Assert.Equal("nb", (await team.Bot.Get<TeamRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId))!.Language);
    }

    [Fact]
    public async Task The_settings_card_shows_the_teams_language_and_saving_it_with_nynorsk_changes_the_channel_posts()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday); // the installer's locale: nb-NO

        await team.Bot.PostAsync(team.Teams.ChannelMessage("innstillinger"));
        var card = team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].Card!;
        var choice = card["body"]!.AsArray().Single(n => n?["id"]?.GetValue<string>() == "language")!;
        Assert.Equal(Nb["settings.teamLanguage"], choice["label"]!.GetValue<string>());
        Assert.Equal("nb", choice["value"]!.GetValue<string>());

        var data = new JsonObject
        {
            ["team"] = team.Teams.TeamId, ["day"] = "Monday", ["time"] = "10:00", ["openDays"] = "5", ["minAnswers"] = "5", ["themes"] = "", ["language"] = "nn",
        };
        var saved = await team.SendAsync(team.Teams.ChannelCardAction(PulseVerbs.SaveSettings, data, team.Teams.UserAadObjectId));

        Assert.Contains(Nb["settings.title"], saved); // the leader's card stays in the leader's language
        Assert.Equal("nn", (await team.Bot.Get<TeamRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId))!.Language);
        await team.RunAtAsync(MondayTenOslo);
        Assert.Single(team.Connector.SentTo(team.Teams.GeneralChannelId), s => s.CardText.StartsWith(Nn["pulse.title"]));
    }

    [Fact]
    public async Task A_broken_button_changes_nothing()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);

        Assert.Equal(Nb["error.notAllowed"], await ChooseAsync(team, "de"));
        Assert.Null((await team.Bot.Get<TeamRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId))!.Language);
    }
}
