using System.Text.Json.Nodes;
using CareCompanion.Bot.Goals;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Hms;

/// <summary>An improvement circle walked through Utforske → Utdype → Skape → Teste on the fake clock.</summary>
public sealed class CircleTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts T = Texts.For(Language.Bokmal);
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>14:30 in Oslo (winter: UTC+1) on a day of December 2026 or January 2027.</summary>
    private static DateTimeOffset HalfPastTwoOslo(int year, int month, int day) => new(year, month, day, 13, 30, 0, TimeSpan.Zero);

    private static JsonObject Ref(Circle circle, JsonObject? extra = null)
    {
        var data = new JsonObject { ["team"] = circle.TeamId, ["circle"] = circle.CircleId };
        foreach (var (key, value) in extra ?? []) data[key] = value?.DeepClone();
        return data;
    }

    private static Task<string> ActAsync(PulseTeam team, string verb, Circle circle, string person, JsonObject extra) =>
        team.SendAsync(team.Teams.ChannelCardAction(verb, Ref(circle, extra), person));

    private static IReadOnlyList<SentActivity> WorkshopCards(PulseTeam team) =>
        [.. team.Connector.SentTo(team.Teams.GeneralChannelId).Where(s => s.CardText.Contains("Forbedringssirkel ·"))];

    private static async Task<Circle> CircleAsync(PulseTeam team, Circle circle) =>
        (await team.Bot.Get<CircleRepository>().GetAsync(circle.TenantId, circle.TeamId, circle.CircleId))!;

    /// <summary>A confirmed member sets the phase's workshop; at that time the workshop card is in the channel.</summary>
    private static async Task<SentActivity> HoldWorkshopAsync(PulseTeam team, Circle circle, string member, int phase, DateTimeOffset at)
    {
        var scheduled = await team.SendAsync(team.Teams.PersonalCardAction(HmsVerbs.Schedule,
            Ref(circle, new() { ["phase"] = phase, ["date"] = at.ToString("yyyy-MM-dd"), ["time"] = "14:30" }), member));
        Assert.Contains(T["circle.scheduled"], scheduled);
        var before = WorkshopCards(team).Count;
        await team.RunAtAsync(at.AddMinutes(-1));
        Assert.Equal(before, WorkshopCards(team).Count);
        await team.RunAtAsync(at);
        return Assert.Single(WorkshopCards(team).Skip(before));
    }

    [Fact]
    public async Task A_circle_walks_four_phases_carries_its_baton_counts_one_vote_per_person_and_its_pick_becomes_a_goal()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        var leader = team.Teams.UserAadObjectId;
        await team.CreateGroupAsync();
        var per = await team.NameAndConfirmAsync("Per Verneombud", Role.Verneombud, Tuesday.AddMinutes(1));
        var (kari, amir, ingrid) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

        var started = await team.SendAsync(team.Teams.ChannelCardAction(HmsVerbs.StartCircle,
            new JsonObject { ["team"] = team.Teams.TeamId, ["circleTeam"] = team.Teams.TeamId, ["topic"] = "Overlapp mellom vaktene" }, leader));
        Assert.Contains(T["circle.started"], started);
        var circle = Assert.Single(await team.Bot.Get<CircleRepository>().ListAsync(team.Teams.TenantId, team.Teams.TeamId));
        await team.RunAtAsync(Tuesday.AddMinutes(5));
        var preparation = Assert.Single(team.ChatCards(per), c => c.CardText.Contains(T["circle.prepare"]));
        Assert.Contains("Utforske", preparation.CardText);
        Assert.Contains(T["circle.explore.check1"], preparation.CardText);

        // Utforske: the workshop card at its time, then the worksheet as the baton, with inputs (one anonymous).
        var explore = await HoldWorkshopAsync(team, circle, per, 0, HalfPastTwoOslo(2026, 12, 8));
        Assert.Contains(T["circle.explore.q1"], explore.CardText);
        var baton = await ActAsync(team, HmsVerbs.Worksheet, circle, kari, new() { ["phase"] = 0, ["cameUp"] = "Beskjeder blir borte ved vaktskifte.", ["proposals"] = "" });
        Assert.Contains(T["circle.worksheet.done"], baton);
        Assert.Contains("Beskjeder blir borte ved vaktskifte.", baton);
        await ActAsync(team, HmsVerbs.Input, circle, amir, new() { ["phase"] = 0, ["input"] = "Kveldsvakta får sjelden med seg det som ble sagt.", ["anonymous"] = "true" });
        var withInputs = await ActAsync(team, HmsVerbs.Input, circle, ingrid, new() { ["phase"] = 0, ["input"] = "Nattevakta skriver i permen.", ["anonymous"] = "false" });
        Assert.Contains("2 innspill", withInputs);
        Assert.Contains("Anonym: Kveldsvakta får sjelden", withInputs);
        var inputs = (await CircleAsync(team, circle)).PhaseOf(0)!.Inputs;
        Assert.Equal([null, ingrid], inputs.Select(i => i.ByAadObjectId));
        Assert.Null(inputs[0].ByName);

        // Utdype: the group's preparation card, and the workshop opens with the baton and its inputs.
        await team.RunAtAsync(HalfPastTwoOslo(2026, 12, 8).AddMinutes(30));
        Assert.Single(team.ChatCards(per), c => c.CardText.Contains(T["circle.deepen.check1"]));
        var deepen = await HoldWorkshopAsync(team, circle, per, 1, HalfPastTwoOslo(2026, 12, 15));
        Assert.Contains(T.Format("circle.baton.from", "Utforske"), deepen.CardText);
        Assert.Contains("Beskjeder blir borte ved vaktskifte.", deepen.CardText);
        Assert.Contains("Kveldsvakta får sjelden med seg det som ble sagt.", deepen.CardText);
        Assert.Equal(T["circle.closed"], await ActAsync(team, HmsVerbs.Input, circle, amir, new() { ["phase"] = 0, ["input"] = "For sent.", ["anonymous"] = "true" }));
        await ActAsync(team, HmsVerbs.Worksheet, circle, amir, new() { ["phase"] = 1, ["cameUp"] = "Ingen fast tid til overlapp.", ["proposals"] = "" });

        // Skape: proposals, and a light vote — one per person, a second tap changes it.
        var create = await HoldWorkshopAsync(team, circle, leader, 2, HalfPastTwoOslo(2026, 12, 22));
        Assert.Contains("Ingen fast tid til overlapp.", create.CardText);
        await ActAsync(team, HmsVerbs.Worksheet, circle, ingrid, new()
        {
            ["phase"] = 2, ["cameUp"] = "Tre forslag.", ["proposals"] = "Fast overlapp kl. 14:45\nSjekkliste på vaktrommet\nKort beskjed i Teams",
        });
        await ActAsync(team, HmsVerbs.Vote, circle, kari, new() { ["proposal"] = 0 });
        await ActAsync(team, HmsVerbs.Vote, circle, kari, new() { ["proposal"] = 1 });
        await ActAsync(team, HmsVerbs.Vote, circle, amir, new() { ["proposal"] = 1 });
        await ActAsync(team, HmsVerbs.Vote, circle, kari, new() { ["proposal"] = 1 });
        var voted = await ActAsync(team, HmsVerbs.Vote, circle, ingrid, new() { ["proposal"] = 0 });
        Assert.Contains(T["circle.voted"], voted);
        Assert.Contains("Stem på 1 (1)", voted);
        Assert.Contains("Stem på 2 (2)", voted);
        Assert.Contains("Stem på 3 (0)", voted);
        var votes = (await CircleAsync(team, circle)).Votes;
        Assert.Equal(3, votes.Count);
        Assert.DoesNotContain(votes.Keys, key => key.Contains(kari) || key.Contains(amir) || key.Contains(ingrid));

        // Teste: the vote closes at the workshop; the group makes the pick a goal, linked to the circle.
        var test = await HoldWorkshopAsync(team, circle, per, 3, HalfPastTwoOslo(2027, 1, 5));
        Assert.Contains(T["circle.picked"], test.CardText);
        Assert.Contains("Sjekkliste på vaktrommet", test.CardText);
        Assert.Equal(T["circle.closed"], await ActAsync(team, HmsVerbs.Vote, circle, ingrid, new() { ["proposal"] = 2 }));
        Assert.Equal(T["hms.membersOnly"], await ActAsync(team, HmsVerbs.Goal, circle, kari, new() { ["owners"] = "Kari", ["deadline"] = "2027-02-01" }));
        var made = await ActAsync(team, HmsVerbs.Goal, circle, per, new() { ["owners"] = "Kari og Amir", ["deadline"] = "2027-02-01" });
        Assert.Contains(T.Format("circle.goal.made", "Sjekkliste på vaktrommet"), made);
        var goal = Assert.Single(await team.Bot.Get<GoalRepository>().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
        Assert.Equal(("Sjekkliste på vaktrommet", "Kari og Amir", new DateOnly(2027, 2, 1)), (goal.Title, goal.Owners, goal.Deadline));
        Assert.Equal(goal.GoalId, (await CircleAsync(team, circle)).GoalId);
        Assert.Equal((circle.CircleId, "Overlapp mellom vaktene"), (goal.CircleId, goal.CircleTopic));
        Assert.Contains(T.Format("circle.from", "Overlapp mellom vaktene"), CardContent.Text(GoalCards.Goal(GoalViews.Of(goal, goal.Start), Language.Bokmal)));
        var asIdea = await ActAsync(team, HmsVerbs.Idea, circle, per, new() { ["category"] = "workflow" });
        Assert.Contains(T.Format("circle.goal.made", "Sjekkliste på vaktrommet"), asIdea);
        Assert.Empty(await team.Bot.Get<IdeaRepository>().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));

        // The last worksheet ends the circle, and the group can start a new one.
        var done = await ActAsync(team, HmsVerbs.Worksheet, circle, kari, new() { ["phase"] = 3, ["cameUp"] = "Vi starter mandag.", ["proposals"] = "" });
        Assert.Contains(T["circle.done"], done);
        var again = await team.SendAsync(team.Teams.ChannelCardAction(HmsVerbs.StartCircle,
            new JsonObject { ["team"] = team.Teams.TeamId, ["circleTeam"] = team.Teams.TeamId, ["topic"] = "Pauser" }, leader));
        Assert.Contains(T["circle.started"], again);
    }

    [Fact]
    public async Task In_Teste_the_group_can_make_the_pick_an_idea_being_tried_out_linked_to_the_circle_and_then_start_again()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        var (leader, kari) = (team.Teams.UserAadObjectId, Guid.NewGuid().ToString());
        await team.CreateGroupAsync();
        var per = await team.NameAndConfirmAsync("Per Verneombud", Role.Verneombud, Tuesday.AddMinutes(1));
        await team.SendAsync(team.Teams.ChannelCardAction(HmsVerbs.StartCircle,
            new JsonObject { ["team"] = team.Teams.TeamId, ["circleTeam"] = team.Teams.TeamId, ["topic"] = "Overlapp mellom vaktene" }, leader));
        var circle = Assert.Single(await team.Bot.Get<CircleRepository>().ListAsync(team.Teams.TenantId, team.Teams.TeamId));
        string[] sheets = ["Beskjeder blir borte.", "Ingen fast tid.", "To forslag."];
        for (var phase = 0; phase < 3; phase++)
        {
            await HoldWorkshopAsync(team, circle, per, phase, HalfPastTwoOslo(2026, 12, 8 + 7 * phase));
            await ActAsync(team, HmsVerbs.Worksheet, circle, kari, new()
            {
                ["phase"] = phase, ["cameUp"] = sheets[phase], ["proposals"] = phase == 2 ? "Fast overlapp kl. 14:45\nSjekkliste på vaktrommet" : "",
            });
        }
        await ActAsync(team, HmsVerbs.Vote, circle, kari, new() { ["proposal"] = 1 });
        var test = await HoldWorkshopAsync(team, circle, per, 3, HalfPastTwoOslo(2027, 1, 5));
        Assert.Contains(T["circle.idea"], test.CardText);
        Assert.Contains(T["circle.goal"], test.CardText);

        Assert.Equal(T["hms.membersOnly"], await ActAsync(team, HmsVerbs.Idea, circle, kari, new() { ["category"] = "workflow" }));
        Assert.Equal(T["circle.error.idea"], await ActAsync(team, HmsVerbs.Idea, circle, per, new() { ["category"] = "" }));
        var made = await ActAsync(team, HmsVerbs.Idea, circle, per, new() { ["category"] = "workflow" });
        Assert.Contains(T.Format("circle.idea.made", "Sjekkliste på vaktrommet"), made);
        Assert.DoesNotContain(T["circle.goal"], made);
        var idea = Assert.Single(await team.Bot.Get<IdeaRepository>().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
        Assert.Equal(("Sjekkliste på vaktrommet", IdeaStatus.Trying, circle.CircleId, "Overlapp mellom vaktene"), (idea.Title, idea.Status, idea.CircleId, idea.CircleTopic));
        Assert.Equal(idea.IdeaId, (await CircleAsync(team, circle)).IdeaId);

        // The idea's card comes to the channel like any new idea, saying where it came from; a goal can no longer be made of the pick.
        await team.RunAtAsync(HalfPastTwoOslo(2027, 1, 5).AddMinutes(1));
        var card = Assert.Single(team.Connector.SentTo(team.Teams.GeneralChannelId), s => s.CardText.Contains(T["idea.card.kind"]));
        Assert.Contains(T.Format("circle.from", "Overlapp mellom vaktene"), card.CardText);
        Assert.Contains(T.Format("idea.card.status", T["idea.status.trying"]), card.CardText);
        await ActAsync(team, HmsVerbs.Goal, circle, per, new() { ["owners"] = "Kari", ["deadline"] = "2027-02-01" });
        Assert.Empty(await team.Bot.Get<GoalRepository>().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));

        // Until the last worksheet the team has a circle running; then the group starts the next one.
        var topic = new JsonObject { ["team"] = team.Teams.TeamId, ["circleTeam"] = team.Teams.TeamId, ["topic"] = "Pauser" };
        Assert.Equal(T["circle.running"], await team.SendAsync(team.Teams.ChannelCardAction(HmsVerbs.StartCircle, topic.DeepClone().AsObject(), leader)));
        await ActAsync(team, HmsVerbs.Worksheet, circle, kari, new() { ["phase"] = 3, ["cameUp"] = "Vi starter mandag.", ["proposals"] = "" });
        Assert.Contains(T["circle.started"], await team.SendAsync(team.Teams.ChannelCardAction(HmsVerbs.StartCircle, topic, per)));
        var next = Assert.Single(await team.Bot.Get<CircleRepository>().ListAsync(team.Teams.TenantId, team.Teams.TeamId), c => c.Active);
        Assert.Equal(("Pauser", CirclePhases.Explore), (next.Topic, next.Phase));
        await team.RunAtAsync(HalfPastTwoOslo(2027, 1, 5).AddMinutes(5));
        Assert.Contains(team.ChatCards(per), c => c.CardText.Contains(T["circle.prepare"]) && c.CardText.Contains("Pauser"));
    }
}
