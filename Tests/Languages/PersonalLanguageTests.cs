using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Privacy;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.People;
using CareCompanion.Tests.Digest;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Languages;

/// <summary>
/// "språk nynorsk" / "språk bokmål" / "language english": each person's own language for everything the bot writes to
/// them, whatever their Teams client sends (the Agents Playground and many PCs send en-US).
/// </summary>
public sealed class PersonalLanguageTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts Nb = Texts.For(Language.Bokmal);
    private static readonly Texts Nn = Texts.For(Language.Nynorsk);
    private static readonly Texts En = Texts.For(Language.English);

    private static SentActivity LastTo(PulseTeam team) => team.Connector.SentTo(team.Teams.PersonalConversationId)[^1];

    [Fact]
    public async Task After_sprak_bokmal_help_answers_in_bokmal_although_Teams_sends_en_US()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);

        await team.Bot.PostAsync(team.Teams.PersonalMessage("hjelp", "en-US"));
        Assert.StartsWith(En["welcome.title"], LastTo(team).CardText);

        await team.Bot.PostAsync(team.Teams.PersonalMessage("språk bokmål", "en-US"));
        Assert.Equal("Nå skriver jeg til deg på bokmål. Skriv **språk nynorsk** eller **language english** for å bytte.", LastTo(team).Text);

        await team.Bot.PostAsync(team.Teams.PersonalMessage("help", "en-US"));
        Assert.StartsWith(Nb["welcome.title"], LastTo(team).CardText);
        Assert.Contains("**språk nynorsk**: jeg skriver til deg på nynorsk", LastTo(team).CardText); // help lists the commands, in bokmål
    }

    [Fact]
    public async Task A_person_whose_Teams_is_english_but_who_chose_nynorsk_gets_the_digest_in_nynorsk_after_a_restart_too()
    {
        var digest = await DigestTeam.StartAsync(fixture.Azurite);
        var team = digest.Team;
        await using var _ = team;
        await team.Bot.PostAsync(team.Teams.InstallPersonal("en-US")); // the leader's personal chat, in English
        Assert.StartsWith(En["welcome.title"], LastTo(team).CardText);

        await team.Bot.PostAsync(team.Teams.PersonalMessage("language nynorsk", "en-US"));
        Assert.Equal("No skriv eg til deg på nynorsk. Skriv **språk bokmål** eller **language english** for å byte.", LastTo(team).Text);
        await team.RestartAsync();
        await digest.RunFridayAsync();

        var cards = team.Connector.SentTo(team.Teams.PersonalConversationId).Where(s => s.Card is not null).ToList();
        var friday = Assert.Single(cards, s => s.CardText.StartsWith(Nn["digest.title"]));
        Assert.Contains("Gammel idé uten svar", friday.CardText);
        Assert.DoesNotContain(cards, s => s.CardText.StartsWith(En["digest.title"]));
    }

    [Fact]
    public async Task A_person_whose_Teams_is_english_but_who_chose_nynorsk_hears_the_answer_to_their_idea_in_nynorsk()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var me = team.Teams.UserAadObjectId;
        await team.Bot.PostAsync(team.Teams.InstallPersonal("en-US"));
        await team.Bot.PostAsync(team.Teams.PersonalMessage("språk nynorsk", "en-US"));
        var idea = await team.SubmitIdeaAsync(me);
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(1));

        await team.DecideAsync(idea, await team.NewLeaderAsync(), IdeaStatus.Trying, "Vi prøver i fire veker.");
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(2));

        var notice = LastTo(team);
        Assert.StartsWith(Nn["idea.notice.title"], notice.CardText);
        Assert.Contains("for å sjå alle ideane dine", notice.CardText);
    }

    [Fact]
    public async Task My_data_shows_the_language_I_chose_and_delete_my_data_forgets_it()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var (tenant, me) = (team.Teams.TenantId, team.Teams.UserAadObjectId);
        await team.Bot.PostAsync(team.Teams.InstallPersonal("en-US"));
        await team.Bot.PostAsync(team.Teams.PersonalMessage("målform nynorsk", "en-US"));

        await team.Bot.PostAsync(team.Teams.PersonalMessage("my data", "en-US"));
        Assert.Contains("\"language\": \"nn\"", LastTo(team).CardText);
        Assert.Equal("nn", await team.Bot.Get<PersonSettingsRepository>().GetLanguageAsync(tenant, me));

        await team.SendAsync(team.Teams.PersonalCardAction(PrivacyVerbs.Delete, new JsonObject { ["for"] = me }, me, "en-US"));

        Assert.Null(await team.Bot.Get<PersonSettingsRepository>().GetLanguageAsync(tenant, me));
        await team.Bot.PostAsync(team.Teams.PersonalMessage("hjelp", "en-US"));
        Assert.StartsWith(En["welcome.title"], LastTo(team).CardText); // the Teams client's language again
    }
}
