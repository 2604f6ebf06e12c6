using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Ideas;

/// <summary>Leaders answer ideas with a status and a reason; the submitter and the team hear what happened.</summary>
public sealed class IdeaLifecycleTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Later = IdeaSteps.Monday.AddHours(2);

    [Fact]
    public async Task A_leaders_decision_is_recorded_and_told_to_the_submitter_and_the_channel()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var nurse = Guid.NewGuid().ToString();
        var idea = await team.SubmitIdeaAsync(nurse);
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(1));
        var leader = await team.NewLeaderAsync();

        team.Clock.SetUtcNow(Later);
        var reply = await team.DecideAsync(idea, leader, IdeaStatus.Trying, "Vi prøver i fire uker fra mandag.");
        await team.RunAtAsync(Later.AddMinutes(1));

        Assert.Contains("Lagret. Teamet og den som foreslo ideen, får beskjed.", reply);
        var stored = (await team.ReloadAsync(idea))!;
        Assert.Equal(IdeaStatus.Trying, stored.Status);
        var decision = Assert.Single(stored.History);
        Assert.Equal((IdeaStatus.Trying, "Vi prøver i fire uker fra mandag.", leader, Later), (decision.Status, decision.Reason, decision.ByAadObjectId, decision.At));

        var update = Assert.Single(team.Connector.SentTo(team.Teams.GeneralChannelId), s => s.CardText.Contains("Nytt om en idé"));
        Assert.Contains("«Fast tid til overlapp»: Prøves ut", update.CardText);
        Assert.Contains("Vi prøver i fire uker fra mandag.", update.CardText);
        var notice = Assert.Single(team.Connector.SentTo(team.Connector.CreatedChats["29:" + nurse]));
        Assert.Contains("Ideen din har fått svar", notice.CardText);
        var refreshed = Assert.Single(team.IdeaCardsInChannel(), s => s.Method == "PUT");
        Assert.Contains("Status: Prøves ut", refreshed.CardText);
    }

    [Fact]
    public async Task An_anonymous_submitter_hears_the_answer_without_the_leader_ever_seeing_who_they_are()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var nurse = Guid.NewGuid().ToString();
        var idea = await team.SubmitIdeaAsync(nurse, team.Form(anonymous: true));
        var leader = await team.NewLeaderAsync();

        var reply = await team.DecideAsync(idea, leader, IdeaStatus.NotPursued, "Turnusen tillater det ikke før i mars.");
        await team.RunAtAsync(Later);

        Assert.DoesNotContain(nurse, reply);
        Assert.Contains("Fra Anonym", reply);
        Assert.Single(team.Connector.SentTo(team.Connector.CreatedChats["29:" + nurse]), s => s.CardText.Contains("Går ikke videre"));
        Assert.All(team.Connector.SentTo(team.Teams.GeneralChannelId), s => Assert.DoesNotContain(nurse, s.Activity.ToJsonString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Role.Coach)]
    [InlineData(Role.Tillitsvalgt)]
    public async Task Staff_coaches_and_partner_roles_cannot_change_status_even_with_a_forged_payload(string? role)
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var idea = await team.SubmitIdeaAsync(Guid.NewGuid().ToString());
        var person = role is null ? Guid.NewGuid().ToString() : await team.NewLeaderAsync(role);

        var reply = await team.DecideAsync(idea, person, IdeaStatus.Implemented, "Jeg bestemmer");
        var share = await team.ActAsync(IdeaVerbs.Share, idea, person);

        Assert.Contains("Bare ledere i teamet kan svare på ideer.", reply);
        Assert.Contains("Bare ledere i teamet kan svare på ideer.", share);
        var stored = (await team.ReloadAsync(idea))!;
        Assert.Equal((IdeaStatus.New, 0, false), (stored.Status, stored.History.Count, stored.Shared));
    }

    [Fact]
    public async Task A_leader_of_another_team_cannot_decide_on_this_teams_idea()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var idea = await team.SubmitIdeaAsync(Guid.NewGuid().ToString());
        var other = new TeamsActivities(team.Connector.ServiceUrl);
        await team.Bot.PostAsync(other.InstallInTeam()); // other.UserAadObjectId leads that team

        // From their own channel, naming this team's idea: refused (the channel's team is not the idea's)
        var fromOwnChannel = await team.SendAsync(other.ChannelCardAction(IdeaVerbs.Status,
            IdeaSteps.Ref(idea, new() { [IdeaVerbs.StatusInput(idea.IdeaId)] = "implemented", [IdeaVerbs.ReasonInput(idea.IdeaId)] = "x" }), other.UserAadObjectId));
        // In this team's channel, without a role here
        var here = await team.DecideAsync(idea, other.UserAadObjectId, IdeaStatus.Implemented, "x");

        Assert.Contains("Du har ikke tilgang til dette.", fromOwnChannel);
        Assert.Contains("Bare ledere i teamet kan svare på ideer.", here);
        Assert.Equal(IdeaStatus.New, (await team.ReloadAsync(idea))!.Status);
    }

    [Theory]
    [InlineData("considering", "", "Skriv en kort begrunnelse")]
    [InlineData("considering", "   ", "Skriv en kort begrunnelse")]
    [InlineData("new", "Tilbake", "Den statusen kan ikke velges nå. Ideen har status «Ny».")]
    [InlineData("launched", "Hva", "Den statusen kan ikke velges nå.")]
    public async Task A_decision_without_a_reason_or_to_a_status_not_allowed_now_changes_nothing(string status, string reason, string expected)
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var idea = await team.SubmitIdeaAsync(Guid.NewGuid().ToString());

        var reply = await team.DecideAsync(idea, team.Teams.UserAadObjectId, status, reason);

        Assert.Contains(expected, reply);
        Assert.Empty((await team.ReloadAsync(idea))!.History);
    }

    [Fact]
    public async Task The_same_decision_delivered_twice_is_recorded_once()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var idea = await team.SubmitIdeaAsync(Guid.NewGuid().ToString());
        var activity = team.Teams.ChannelCardAction(IdeaVerbs.Status,
            IdeaSteps.Ref(idea, new() { [IdeaVerbs.StatusInput(idea.IdeaId)] = "considering", [IdeaVerbs.ReasonInput(idea.IdeaId)] = "Tas opp på møtet" }),
            team.Teams.UserAadObjectId);

        await team.SendAsync(activity);
        var again = await team.SendAsync(activity);

        Assert.Contains("Status: Vurderes", again);
        Assert.Single((await team.ReloadAsync(idea))!.History);
    }

    [Fact]
    public async Task An_idea_left_under_consideration_for_30_days_comes_back_to_the_leader()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        team.Connector.AddMember(team.Teams.TeamId, team.Teams.UserId, team.Teams.UserAadObjectId);
        var parked = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Parkert idé"));
        var decided = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Avgjort idé"));
        await team.DecideAsync(parked, team.Teams.UserAadObjectId, IdeaStatus.Considering, "Ser på det");
        await team.DecideAsync(decided, team.Teams.UserAadObjectId, IdeaStatus.Considering, "Ser på det");
        await team.RunAtAsync(Later);
        await team.DecideAsync(decided, team.Teams.UserAadObjectId, IdeaStatus.Trying, "Vi prøver");

        await team.RunAtAsync(IdeaSteps.Monday.AddDays(29));
        var before = team.Connector.Sent.Count(s => s.CardText.Contains("over 30 dager"));
        await team.RunAtAsync(IdeaSteps.Monday.AddDays(30).AddMinutes(1));

        Assert.Equal(0, before);
        var reminder = Assert.Single(team.Connector.Sent, s => s.CardText.Contains("over 30 dager"));
        Assert.Contains("Parkert idé", reminder.CardText);
        Assert.NotEqual(team.Teams.GeneralChannelId, reminder.ConversationId);
    }

    [Fact]
    public async Task Sixty_days_after_implementation_the_team_is_asked_in_one_tap_whether_it_worked()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var idea = await team.SubmitIdeaAsync(Guid.NewGuid().ToString());
        await team.DecideAsync(idea, team.Teams.UserAadObjectId, IdeaStatus.Implemented, "Innført på alle vakter.");

        await team.RunAtAsync(IdeaSteps.Monday.AddDays(60).AddMinutes(1));
        var first = await team.ActAsync(IdeaVerbs.FollowUp, idea, Guid.NewGuid().ToString(), new() { ["answer"] = "yes" });
        var changedMind = Guid.NewGuid().ToString();
        await team.ActAsync(IdeaVerbs.FollowUp, idea, changedMind, new() { ["answer"] = "yes" });
        var last = await team.ActAsync(IdeaVerbs.FollowUp, idea, changedMind, new() { ["answer"] = "partly" });

        var asked = Assert.Single(team.Connector.SentTo(team.Teams.GeneralChannelId), s => s.CardText.Contains("Virket endringen?"));
        Assert.Contains("Ja", asked.CardText);
        Assert.Contains("Ja: 1 · Delvis: 0 · Nei: 0", first);
        Assert.Contains("Ja: 1 · Delvis: 1 · Nei: 0", last);
    }

    [Fact]
    public async Task Colleagues_support_once_each_can_withdraw_and_comment_and_the_card_shows_the_counts()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var idea = await team.SubmitIdeaAsync(Guid.NewGuid().ToString());
        var (ola, anne) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

        var olaSupports = await team.ActAsync(IdeaVerbs.Support, idea, ola);
        var duplicate = team.Teams.ChannelCardAction(IdeaVerbs.Support, IdeaSteps.Ref(idea), anne);
        await team.SendAsync(duplicate);
        var anneAgain = await team.SendAsync(duplicate); // delivered twice: still one vote
        var olaWithdraws = await team.ActAsync(IdeaVerbs.Support, idea, ola);
        var comment = await team.ActAsync(IdeaVerbs.Comment, idea, ola, new() { ["comment"] = "Godt! [lenke](http://x) <at>Alle</at>" });
        var tooLong = await team.ActAsync(IdeaVerbs.Comment, idea, ola, new() { ["comment"] = new string('k', 301) });

        Assert.Contains("Du støtter ideen.", olaSupports);
        Assert.Contains("1 støtter", olaSupports);
        Assert.Contains("2 støtter", anneAgain);
        Assert.Contains("Du har trukket støtten.", olaWithdraws);
        Assert.Contains("1 støtter · 0 kommentarer", olaWithdraws);
        Assert.Contains("Godt! [lenke](http://x) <at>Alle</at>", comment);
        Assert.Matches(@"1 støtter · 1 kommentar\b", comment); // not "1 kommentarer"
        Assert.Contains("Skriv en kommentar på høyst 300 tegn.", tooLong);
        var stored = (await team.ReloadAsync(idea))!;
        Assert.Equal([anne], stored.Supporters);
        Assert.Single(stored.Comments);
    }

    [Fact]
    public async Task Support_from_a_personal_chat_needs_the_roster_to_list_the_person_in_the_team()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var idea = await team.SubmitIdeaAsync(Guid.NewGuid().ToString());

        var outsider = await team.SendAsync(team.Teams.PersonalCardAction(IdeaVerbs.Support, IdeaSteps.Ref(idea), team.Teams.UserAadObjectId));
        team.Connector.AddMember(team.Teams.TeamId, team.Teams.UserId, team.Teams.UserAadObjectId);
        var member = await team.SendAsync(team.Teams.PersonalCardAction(IdeaVerbs.Support, IdeaSteps.Ref(idea), team.Teams.UserAadObjectId));

        Assert.Contains("Du har ikke tilgang til dette.", outsider);
        Assert.Contains("Du støtter ideen.", member);
    }
}
