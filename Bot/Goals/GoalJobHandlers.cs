using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Teams;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Goals;

/// <summary>Reads what a goal job is about: the goal, still open, and the team's channel and language.</summary>
public sealed class GoalJobContext(GoalRepository goals, TeamRepository teams, TimeProvider clock)
{
    public async Task<(Goal Goal, Team Team, DateOnly Today)?> OpenGoalAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = GoalJobs.Read(job);
        var goal = await goals.GetAsync(job.TenantId, payload.TeamId, payload.GoalId, ct);
        var team = await teams.GetAsync(job.TenantId, payload.TeamId, ct);
        if (goal is null || goal.Closed || team is null) return null;
        return (goal, team, TeamCalendar.DateAt(clock.GetUtcNow(), team.TimeZone));
    }

    public static PlannedMessage ToChannel(Goal goal, Team team, DateOnly today, Func<Texts, string?> notice)
    {
        var t = Texts.For(TeamChannel.LanguageOf(team));
        return new PlannedMessage(TeamChannel.Of(team), CardMessage.From(GoalCards.Goal(GoalViews.Of(goal, today), t.Language, notice(t))));
    }
}

/// <summary>
/// On a check-in date (or when a leader asks from the digest): the goal card in the channel, asking how it goes; after
/// a scheduled one, the next check-in is planned.
/// </summary>
public sealed class GoalCheckInJob(GoalJobContext context, GoalSchedule schedule) : IJobHandler
{
    public string Kind => GoalJobs.CheckInKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        if (await context.OpenGoalAsync(job, ct) is not var (goal, team, today)) return [];
        var payload = GoalJobs.Read(job);
        if (!payload.AskedByLeader) await schedule.CheckInAfterAsync(goal, team.TimeZone, payload.Date ?? today, ct);
        return [GoalJobContext.ToChannel(goal, team, today, t => t[payload.AskedByLeader ? "goal.leaderAsks" : "goal.checkinDue"])];
    }
}

/// <summary>7 days, 1 day and on the day before the deadline (configurable): a short, friendly push in the channel.</summary>
public sealed class GoalNudgeJob(GoalJobContext context) : IJobHandler
{
    public string Kind => GoalJobs.NudgeKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = GoalJobs.Read(job);
        if (await context.OpenGoalAsync(job, ct) is not var (goal, team, today) || goal.DeadlineVersion != payload.Version) return [];
        return [GoalJobContext.ToChannel(goal, team, today, t => payload.DaysBefore is 0 or 1 or 7
            ? t[$"goal.nudge.{payload.DaysBefore}"]
            : t.Format("goal.nudge.other", payload.DaysBefore))];
    }
}

/// <summary>
/// Each day after the deadline while the goal is open: the coach who set it and the team's leaders hear about it in
/// their personal chat (one job per day, so at most once a day), until it is closed or re-dated.
/// </summary>
public sealed class GoalOverdueJob(GoalJobContext context, GoalSchedule schedule, RoleRepository roles, PersonalChats personalChats) : IJobHandler
{
    public string Kind => GoalJobs.OverdueKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = GoalJobs.Read(job);
        if (await context.OpenGoalAsync(job, ct) is not var (goal, team, today) || goal.DeadlineVersion != payload.Version) return [];
        await schedule.OverdueAfterAsync(goal, team.TimeZone, payload.Date ?? today, ct);

        var people = (await roles.ListAsync(goal.TenantId, goal.TeamId, ct))
            .Where(h => h.Roles.Overlaps(Role.Leaders))
            .Select(Recipient.Of)
            .Prepend(new Recipient(goal.CreatedByAadObjectId, goal.CreatedByUserId));
        var view = GoalViews.Of(goal, today);
        return await personalChats.TellAsync(TeamChannel.Of(team), people,
            (_, t) => GoalCards.Goal(view, t.Language, t.Format("goal.overdueNotice", -view.DaysLeft)), ct);
    }
}
