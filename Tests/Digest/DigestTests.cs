using CareCompanion.Cards.Pulse;
using System.Text;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Ideas;
using CareCompanion.Tests.Cards;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Digest;

/// <summary>The weekly leader digest: who gets it, what is in it, answering from it, and turning it off.</summary>
public sealed class DigestTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task On_Friday_the_leader_gets_the_ideas_to_act_on_oldest_unanswered_first_and_the_last_pulse_result()
    {
        var digest = await DigestTeam.StartAsync(fixture.Azurite);
        await using var _ = digest.Team;

        await digest.RunFridayAsync();

        var card = Assert.Single(digest.DigestsTo(digest.Leader)).CardText;
        Assert.True(card.IndexOf("Gammel idé uten svar") < card.IndexOf("Ny idé om *overlapp*"), card);
        Assert.Contains("Har ventet på svar i 23 dager", card);
        Assert.Contains("Pasientsikkerhet · Sjukeheimen avd. 2 · 2 støtter · 2 dager", card);
        Assert.DoesNotContain("Gammel idé med svar", card); // answered, and not new this week
        Assert.DoesNotContain("Avslått idé", card);          // closed
        Assert.Contains("«Hvordan var uka på jobb?» — snitt 4,0 av 5 (5 svar)", card);
        Assert.Contains("Svar (leder)", card);
    }

    [Fact]
    public async Task Only_the_leader_gets_a_question_about_their_own_support_to_reflect_on_and_is_asked_for_no_answer()
    {
        var digest = await DigestTeam.StartAsync(fixture.Azurite);
        await using var _ = digest.Team;

        await digest.RunFridayAsync();

        var leader = Assert.Single(digest.DigestsTo(digest.Leader)).CardText;
        Assert.Contains("Til deg som leder", leader);
        Assert.Contains(QuestionLibrary.ForLeaders, q => leader.Contains(q.Bokmal.Text));
        Assert.Contains("Du svarer ikke her, og ingenting lagres.", leader);
        var tillitsvalgt = Assert.Single(digest.DigestsTo(digest.Tillitsvalgt)).CardText;
        Assert.DoesNotContain("Til deg som leder", tillitsvalgt);
        Assert.DoesNotContain(QuestionLibrary.ForLeaders, q => tillitsvalgt.Contains(q.Bokmal.Text));
    }

    [Fact]
    public async Task Tillitsvalgt_sees_the_same_without_answering_coaches_and_staff_get_none()
    {
        var digest = await DigestTeam.StartAsync(fixture.Azurite);
        await using var _ = digest.Team;

        await digest.RunFridayAsync();
        var forged = await digest.DecideFromDigestAsync(digest.Tillitsvalgt, digest.New, IdeaStatus.Implemented, "Jeg bestemmer");

        var card = Assert.Single(digest.DigestsTo(digest.Tillitsvalgt)).CardText;
        Assert.Contains("Gammel idé uten svar", card);
        Assert.Contains("snitt 4,0 av 5", card);
        Assert.DoesNotContain("Svar (leder)", card);
        Assert.Empty(digest.DigestsTo(digest.Coach));
        Assert.Contains("Bare ledere i teamet kan svare på ideer.", forged);
        Assert.Equal(IdeaStatus.New, (await digest.Team.ReloadAsync(digest.New))!.Status);
    }

    [Fact]
    public async Task A_leader_answers_an_idea_in_the_digest_and_the_digest_comes_back_updated()
    {
        var digest = await DigestTeam.StartAsync(fixture.Azurite);
        await using var _ = digest.Team;
        await digest.RunFridayAsync();

        var reply = await digest.DecideFromDigestAsync(digest.Leader, digest.Waiting, IdeaStatus.Trying, "Vi prøver i to uker.");
        await digest.Team.RunAtAsync(DigestTeam.Friday.AddMinutes(1));

        Assert.StartsWith("Ukens sammendrag\nLagret.", reply);
        Assert.DoesNotContain("Gammel idé uten svar", reply); // answered, and not new this week: off the list
        Assert.Contains("Ny idé om *overlapp*", reply);
        Assert.Equal(IdeaStatus.Trying, (await digest.Team.ReloadAsync(digest.Waiting))!.Status);
        Assert.Single(digest.Team.Connector.SentTo(digest.Team.Teams.GeneralChannelId), s => s.CardText.StartsWith("Nytt om en idé") && s.CardText.Contains("Vi prøver i to uker."));
    }

    [Fact]
    public async Task A_leader_who_turned_it_off_gets_no_weekly_digest_but_can_still_ask_for_it()
    {
        var digest = await DigestTeam.StartAsync(fixture.Azurite);
        await using var _ = digest.Team;

        var off = await digest.Team.SendAsync(digest.Team.Teams.PersonalCardAction(DigestVerbs.Cadence, new() { ["cadence"] = "off" }, digest.Leader));
        await digest.RunFridayAsync();
        await digest.Team.Bot.PostAsync(digest.Team.Teams.PersonalMessage("sammendrag"));

        Assert.Contains("Ukentlig sammendrag er slått av.", off);
        Assert.Empty(digest.DigestsTo(digest.Leader));
        Assert.Single(digest.DigestsTo(digest.Tillitsvalgt));
        var asked = digest.Team.Connector.SentTo(digest.Team.Teams.PersonalConversationId)[^1].CardText;
        Assert.Contains("Gammel idé uten svar", asked);
        Assert.Contains("Slå på ukentlig sammendrag", asked);
    }

    [Fact]
    public async Task A_leader_who_cannot_be_reached_in_person_is_covered_by_the_teams_leaders_channel()
    {
        var digest = await DigestTeam.StartAsync(fixture.Azurite);
        await using var _ = digest.Team;
        var unreachable = Guid.NewGuid().ToString();
        await digest.Team.Bot.Get<Storage.Roles.RoleRepository>().GrantAsync(digest.Team.Teams.TenantId, digest.Team.Teams.TeamId, unreachable, "leader");
        await digest.Team.Bot.PostAsync(digest.Team.Teams.ChannelMessage("lederkanal"));

        await digest.RunFridayAsync();

        Assert.Contains("Denne kanalen får sammendraget", digest.Team.Connector.SentTo(digest.Team.Teams.GeneralChannelId)
            .Select(s => s.Text).OfType<string>().Last());
        Assert.Single(digest.FridayDigests(), s => s.ConversationId == digest.Team.Teams.GeneralChannelId);
        Assert.Single(digest.DigestsTo(digest.Leader));
    }

    [Fact]
    public async Task Goals_overdue_are_in_the_digest_and_one_tap_asks_the_team_a_partner_role_cannot()
    {
        var digest = await DigestTeam.StartAsync(fixture.Azurite);
        await using var _ = digest.Team;
        var form = new JsonObject
        {
            ["team"] = digest.Team.Teams.TeamId, ["title"] = "Fadder for alle nyansatte", ["start"] = "2026-12-01", ["deadline"] = "2026-12-03", ["cadence"] = "none",
        };
        await digest.Team.SendAsync(digest.Team.Teams.ChannelCardAction(GoalVerbs.Create, form, digest.Leader));
        var goal = Assert.Single(await digest.Team.Bot.Get<Storage.Goals.GoalRepository>().ListTeamAsync(digest.Team.Teams.TenantId, digest.Team.Teams.TeamId));
        await digest.RunFridayAsync();
        var ask = new JsonObject { ["goal"] = goal.GoalId, ["team"] = goal.TeamId };

        var partner = await digest.Team.SendAsync(digest.Team.Teams.PersonalCardAction(DigestVerbs.AskTeam, (JsonObject)ask.DeepClone(), digest.Tillitsvalgt));
        var asked = await digest.Team.SendAsync(digest.Team.Teams.PersonalCardAction(DigestVerbs.AskTeam, ask, digest.Leader));
        await digest.Team.RunAtAsync(DigestTeam.Friday.AddMinutes(1));

        var leaderCard = Assert.Single(digest.DigestsTo(digest.Leader)).CardText;
        Assert.Contains("Mål i fare eller over fristen", leaderCard);
        Assert.Contains("Fadder for alle nyansatte", leaderCard);
        Assert.Contains("· 1 dag for sent", leaderCard);
        Assert.Contains("Spør teamet hvordan det går", leaderCard);
        Assert.DoesNotContain("Spør teamet hvordan det går", Assert.Single(digest.DigestsTo(digest.Tillitsvalgt)).CardText);
        Assert.Contains("Bare veiledere og ledere", partner);
        Assert.Contains("Spurt.", asked);
        Assert.Single(digest.Team.Connector.SentTo(digest.Team.Teams.GeneralChannelId), s => s.CardText.StartsWith("Lederen spør"));
    }

    [Fact]
    public void A_digest_for_a_leader_of_20_teams_with_500_new_ideas_stays_under_the_Teams_card_limit()
    {
        var view = DigestSamples.Largest();

        var card = DigestCard.Build(view, Language.Bokmal);

        Assert.Equal(500, view.Ideas.Count);
        Assert.InRange(Encoding.UTF8.GetByteCount(card.ToJsonString()), 1, 28 * 1024);
        Assert.Contains("… og 492 til. Skriv **ideer** for å se alle.", CardContent.Text(card));
        Assert.Equal(20, CardContent.Text(card).Split('\n').Count(line => line.StartsWith("Team ") && !line.Contains('·')));
    }
}
