using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Broadcast;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Languages;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Tests.Digest;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Languages;

/// <summary>
/// The answers and posts that once followed the Teams client's locale: "I did not understand", the error and fault
/// answers, broadcasts and the leaders' channel digest. A channel post is in the team's language, anything to one
/// person in theirs.
/// </summary>
public sealed class ChosenLanguageEverywhereTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts Nn = Texts.For(Language.Nynorsk);
    private static readonly Texts Nb = Texts.For(Language.Bokmal);
    private static readonly Texts En = Texts.For(Language.English);

    private static SentActivity LastTo(PulseTeam team) => team.Connector.SentTo(team.Teams.PersonalConversationId)[^1];

    private static Task<string> ChooseTeamLanguageAsync(PulseTeam team, string code) =>
        team.SendAsync(team.Teams.ChannelCardAction(LanguageVerbs.SetTeam, CardPayload.Write(new TeamLanguageChoice(team.Teams.TeamId, code)),
            team.Teams.UserAadObjectId));

    [Fact]
    public async Task A_word_the_bot_does_not_know_is_answered_in_the_language_I_chose_not_my_Teams_clients()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        await team.Bot.PostAsync(team.Teams.PersonalMessage("språk nynorsk", "en-US"));

        await team.Bot.PostAsync(team.Teams.PersonalMessage("vaktliste", "en-US"));

        Assert.Equal(Nn["command.unknown"], LastTo(team).Text);
    }

    [Fact]
    public async Task A_button_whose_handler_fails_answers_the_error_in_the_language_I_chose()
    {
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await BotServer.StartAsync(fixture.Azurite.ConnectionString,
            services: s => s.AddAction<Broken>("test.broken", Access.Anyone, (h, turn, ct) => h.FailAsync()));
        var teams = new TeamsActivities(connector.ServiceUrl);
        await bot.PostAsync(teams.PersonalMessage("språk nynorsk", "en-US"));

        var response = await bot.PostAsync(teams.PersonalCardAction("test.broken", [], teams.UserAadObjectId, locale: "en-US"));

        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal(Nn["error.generic"], body["value"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task During_a_storage_outage_the_fault_answer_is_in_the_language_I_chose_although_it_was_read_long_ago()
    {
        await using var azurite = await AzuriteServer.WithOutagesAsync();
        await using var team = await PulseTeam.InstallAsync(azurite, IdeaSteps.Monday);
        await team.Bot.PostAsync(team.Teams.PersonalMessage("språk nynorsk", "en-US"));
        team.Clock.Advance(TimeSpan.FromMinutes(10)); // longer than the bot keeps the choice in memory without reading it again

        azurite.GoDown();
        await team.Bot.PostAsync(team.Teams.PersonalMessage("mine ideer", "en-US"));
        azurite.ComeBack();

        Assert.Equal(Nn["fault.unavailable"], LastTo(team).Text);
    }

    [Fact]
    public async Task A_broadcast_goes_to_the_channel_in_the_teams_language_and_to_each_person_in_theirs()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday); // installed from nb-NO
        await ChooseTeamLanguageAsync(team, "nn");
        await team.Bot.PostAsync(team.Teams.InstallPersonal("en-US"));
        await team.Bot.PostAsync(team.Teams.PersonalMessage("språk bokmål", "en-US"));
        var colleague = new TeamsActivities(team.Connector.ServiceUrl) { TenantId = team.Teams.TenantId, TeamId = team.Teams.TeamId };
        await team.Bot.PostAsync(colleague.InstallPersonal("en-US")); // chose nothing: their Teams client's language

        var text = new Dictionary<string, string> { ["nb"] = "Vedlikehold i kveld (bokmål)", ["nn"] = "Vedlikehald i kveld (nynorsk)", ["en"] = "Maintenance tonight (English)" };
        await team.Bot.Get<JobRepository>().ScheduleAsync(BroadcastJob.Create("broadcast-language", team.Teams.TenantId, IdeaSteps.Monday, text));
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(1));

        Assert.Equal("Vedlikehald i kveld (nynorsk)", team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].Text);
        Assert.Equal("Vedlikehold i kveld (bokmål)", LastTo(team).Text);
        Assert.Equal("Maintenance tonight (English)", team.Connector.SentTo(colleague.PersonalConversationId)[^1].Text);
    }

    [Fact]
    public async Task The_digest_in_the_leaders_channel_is_in_the_teams_language_not_the_locale_of_whoever_chose_the_channel()
    {
        var digest = await DigestTeam.StartAsync(fixture.Azurite);
        await using var _ = digest.Team;
        await digest.Team.Bot.Get<Storage.Roles.RoleRepository>().GrantAsync(digest.Team.Teams.TenantId, digest.Team.Teams.TeamId, Guid.NewGuid().ToString(), "leader");
        await digest.Team.Bot.PostAsync(digest.Team.Teams.ChannelMessage("leaders channel", "en-US"));
        await ChooseTeamLanguageAsync(digest.Team, "nn");

        await digest.RunFridayAsync();

        // Other cards (the week's question) may reach the channel in the same run, in any order.
        Assert.Contains(digest.Team.Connector.SentTo(digest.Team.Teams.GeneralChannelId),
            s => s.CardText.StartsWith(Nn["digest.title"]) && s.CardText.Contains("Gammel idé uten svar"));
    }

    private sealed class Broken
    {
        public Task<Reply> FailAsync() => throw new InvalidOperationException("a bug, not storage");
    }
}
