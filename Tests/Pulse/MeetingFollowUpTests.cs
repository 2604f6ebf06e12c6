using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Pulse;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Pulse;

/// <summary>
/// The reflection meeting's follow-up: written on the theme card by anyone in the team, its actions made ideas or
/// goals, and the open ones first on the next week's theme card.
/// </summary>
public sealed class MeetingFollowUpTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts T = Texts.For(Language.Bokmal);
    // Wednesday 2 December 2026; the week's question opens on Monday the 7th at 10:00 Oslo time (09:00 UTC).
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstMonday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstMeeting = new(2026, 12, 8, 13, 30, 0, TimeSpan.Zero);

    private const string Overlap = "Fast tid for overlapp kl. 14:45 på vaktrommet";
    private const string Pharmacy = "Kari spør apoteket om multidosen før helga";

    /// <summary>The leader writes "tema" in the channel; returns the theme card posted and the meeting stored.</summary>
    private static async Task<(SentActivity Card, Meeting Meeting)> PostThemeAsync(PulseTeam team)
    {
        await team.Bot.PostAsync(team.Teams.ChannelMessage("tema", fromAadObjectId: team.Teams.UserAadObjectId));
        var card = team.Connector.SentTo(team.Teams.GeneralChannelId)[^1];
        Assert.Contains(T["meeting.title"], card.CardText);
        var meeting = await team.Bot.Get<MeetingRepository>().LatestAsync(team.Teams.TenantId, team.Teams.TeamId);
        return (card, meeting!);
    }

    /// <summary>The week's question opens on Monday; on Tuesday afternoon the leader posts the meeting's theme.</summary>
    private static async Task<(SentActivity Card, Meeting Meeting)> MeetingInWeekAsync(PulseTeam team, int week)
    {
        await team.OpenRoundAsync(FirstMonday.AddDays(7 * week));
        await team.RunAtAsync(FirstMeeting.AddDays(7 * week));
        return await PostThemeAsync(team);
    }

    private static JsonObject Ref(Meeting meeting, JsonObject? extra = null)
    {
        var data = new JsonObject { ["team"] = meeting.TeamId, ["meeting"] = meeting.MeetingId };
        foreach (var (key, value) in extra ?? []) data[key] = value?.DeepClone();
        return data;
    }

    private static Task<string> WriteAsync(PulseTeam team, Meeting meeting, string person, string summary, string actions) =>
        team.SendAsync(team.Teams.ChannelCardAction(MeetingVerbs.FollowUp, Ref(meeting, new() { ["summary"] = summary, ["actions"] = actions }), person));

    private static Task<Meeting?> ReloadAsync(PulseTeam team, Meeting meeting) =>
        team.Bot.Get<MeetingRepository>().GetAsync(meeting.TenantId, meeting.TeamId, meeting.MeetingId);

    [Fact]
    public async Task A_follow_up_by_staff_becomes_a_goal_and_its_other_action_opens_the_next_theme_card()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var leader = team.Teams.UserAadObjectId;
        var kari = Guid.NewGuid().ToString();
        var (_, meeting) = await MeetingInWeekAsync(team, 0);

        var written = await WriteAsync(team, meeting, kari, "Travle kvelder; de nye vet ikke hvem de skal spørre.", $"{Overlap}\n\n  {Pharmacy}  \n");
        Assert.Contains(T["meeting.followUp.saved"], written);
        Assert.Contains("Travle kvelder; de nye vet ikke hvem de skal spørre.", written);
        Assert.Contains(Overlap, written);
        Assert.Contains(Pharmacy, written);
        var stored = (await ReloadAsync(team, meeting))!;
        Assert.Equal([Overlap, Pharmacy], stored.Actions.Select(a => a.Text));
        Assert.DoesNotContain(kari, System.Text.Json.JsonSerializer.Serialize(stored)); // the follow-up names nobody

        var goalCard = await team.SendAsync(team.Teams.ChannelCardAction(MeetingVerbs.ToGoal,
            Ref(meeting, new() { ["action"] = 1, ["owners-1"] = "Kari og Amir", ["deadline-1"] = "2027-01-15" }), leader));
        Assert.Contains(T["meeting.goalMade"], goalCard);
        Assert.Contains($"{Overlap} · {T["meeting.action.goal"]}", goalCard.Replace("✓ ", ""));
        var goal = Assert.Single(await team.Bot.Get<GoalRepository>().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
        Assert.Equal((Overlap, "Kari og Amir", new DateOnly(2027, 1, 15), leader), (goal.Title, goal.Owners, goal.Deadline, goal.CreatedByAadObjectId));
        Assert.Equal(goal.GoalId, (await ReloadAsync(team, meeting))!.Action(1)!.GoalId);

        // The same goal tapped again, by a second leader at the same time: one goal.
        var again = await team.SendAsync(team.Teams.ChannelCardAction(MeetingVerbs.ToGoal,
            Ref(meeting, new() { ["action"] = 1, ["owners-1"] = "Noen andre", ["deadline-1"] = "2027-02-01" }), leader));
        Assert.Contains(T["meeting.notOpen"], again);
        Assert.Single(await team.Bot.Get<GoalRepository>().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));

        var (next, nextMeeting) = await MeetingInWeekAsync(team, 1);
        var body = next.Card!["body"]!.AsArray();
        var opening = CardContent.Text(body[1]!);
        Assert.Contains(T["meeting.carried"], opening);
        Assert.Contains(Pharmacy, opening);
        Assert.DoesNotContain(Overlap, next.CardText);
        Assert.Equal([Pharmacy], nextMeeting.Actions.Select(a => a.Text));

        // On last week's card the action moved on: it cannot become an idea there as well.
        var fromOldCard = await team.SendAsync(team.Teams.ChannelCardAction(MeetingVerbs.ToIdea, Ref(meeting, new() { ["action"] = 2 }), kari));
        Assert.Contains(T["meeting.notOpen"], fromOldCard);
        Assert.Contains($"{Pharmacy} · {T["meeting.action.moved"]}", fromOldCard.Replace("✓ ", ""));
        Assert.Empty(await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
    }

    [Fact]
    public async Task A_carried_action_becomes_an_idea_from_whoever_tapped_and_a_done_one_stays_off_the_next_card()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var amir = Guid.NewGuid().ToString();
        var (_, meeting) = await MeetingInWeekAsync(team, 0);
        await WriteAsync(team, meeting, amir, "", $"{Overlap}\n{Pharmacy}");

        var done = await team.SendAsync(team.Teams.ChannelCardAction(MeetingVerbs.Done, Ref(meeting, new() { ["action"] = 2 }), amir));
        Assert.Contains(T["meeting.doneMarked"], done);

        var (next, nextMeeting) = await MeetingInWeekAsync(team, 1);
        Assert.DoesNotContain(Pharmacy, next.CardText);
        var carried = Assert.Single(nextMeeting.Actions);
        var made = await team.SendAsync(team.Teams.ChannelCardAction(MeetingVerbs.ToIdea, Ref(nextMeeting, new() { ["action"] = carried.No }), amir));
        Assert.Contains(T["meeting.ideaMade"], made);
        Assert.Contains($"{Overlap} · {T["meeting.action.idea"]}", made.Replace("✓ ", ""));

        var idea = Assert.Single(await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
        Assert.Equal((Overlap, IdeaStatus.New, amir, false), (idea.Title, idea.Status, idea.SubmitterAadObjectId, idea.Anonymous));
        await team.RunAtAsync(FirstMeeting.AddDays(7).AddMinutes(1));
        Assert.Contains(team.IdeaCardsInChannel(), c => c.CardText.Contains(Overlap)); // posted in the channel as any idea
    }

    [Fact]
    public async Task Someone_outside_the_team_cannot_write_the_follow_up_or_send_an_action_on_and_staff_cannot_make_a_goal()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var staff = Guid.NewGuid().ToString();
        var (_, meeting) = await MeetingInWeekAsync(team, 0);
        await WriteAsync(team, meeting, staff, "Kort runde.", Overlap);
        var before = await ReloadAsync(team, meeting);

        var outsider = Guid.NewGuid().ToString(); // not in the team's roster, writing from a personal chat
        var forged = Ref(meeting, new() { ["summary"] = "Skrevet utenfra", ["actions"] = "Utenfra" });
        Assert.Equal(T["error.notAllowed"], await team.SendAsync(team.Teams.PersonalCardAction(MeetingVerbs.FollowUp, forged.DeepClone().AsObject(), outsider)));
        Assert.Equal(T["error.notAllowed"], await team.SendAsync(team.Teams.PersonalCardAction(MeetingVerbs.ToIdea, Ref(meeting, new() { ["action"] = 1 }), outsider)));
        Assert.Equal(T["error.notAllowed"], await team.SendAsync(team.Teams.PersonalCardAction(MeetingVerbs.Done, Ref(meeting, new() { ["action"] = 1 }), outsider)));
        // A card naming this team, sent from another team's channel.
        var elsewhere = new TeamsActivities(team.Connector.ServiceUrl) { TenantId = team.Teams.TenantId, TeamId = "19:other@thread.tacv2" };
        Assert.Equal(T["error.notAllowed"], await team.SendAsync(elsewhere.ChannelCardAction(MeetingVerbs.FollowUp, forged.DeepClone().AsObject(), elsewhere.UserAadObjectId)));
        Assert.Equal(T["goal.rolesOnly"], await team.SendAsync(team.Teams.ChannelCardAction(MeetingVerbs.ToGoal,
            Ref(meeting, new() { ["action"] = 1, ["owners-1"] = "Meg", ["deadline-1"] = "2027-01-15" }), staff)));

        var after = (await ReloadAsync(team, meeting))!;
        Assert.Equal(before!.ETag, after.ETag);
        Assert.Equal("Kort runde.", after.Summary);
        Assert.True(after.Action(1)!.Open);
        Assert.Empty(await team.Bot.Get<GoalRepository>().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
    }
}
