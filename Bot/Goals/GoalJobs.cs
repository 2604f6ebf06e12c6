using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Goals;

/// <summary>
/// A goal's scheduled work. The job ids make each happen once: a check-in per date, a nudge per offset and deadline
/// version (a re-dated goal gets fresh nudges, the old ones find the version changed), an overdue reminder per day.
/// </summary>
public static class GoalJobs
{
    public sealed record Payload(string TeamId, string GoalId, string TimeZone, int Version = 0, int DaysBefore = 0, DateOnly? Date = null,
        bool AskedByLeader = false);

    public static readonly JobKind<Payload> CheckInKind = new("goal.checkin");
    public static readonly JobKind<Payload> NudgeKind = new("goal.nudge");
    public static readonly JobKind<Payload> OverdueKind = new("goal.overdue");

    public static ScheduledJob CheckIn(Goal goal, string zone, DateOnly date, TimeOnly time) =>
        Job(CheckInKind, goal, TeamCalendar.At(date, time, zone), new Payload(goal.TeamId, goal.GoalId, zone, Date: date), date);

    /// <summary>A leader asked from the digest: a check-in card now (once a day per goal at most).</summary>
    public static ScheduledJob Ask(Goal goal, string zone, DateOnly today, DateTimeOffset now) =>
        Job(CheckInKind, goal, now, new Payload(goal.TeamId, goal.GoalId, zone, AskedByLeader: true), "ask", today);

    public static ScheduledJob Nudge(Goal goal, string zone, int daysBefore, TimeOnly time) =>
        Job(NudgeKind, goal, TeamCalendar.At(goal.Deadline.AddDays(-daysBefore), time, zone),
            new Payload(goal.TeamId, goal.GoalId, zone, goal.DeadlineVersion, daysBefore), $"v{goal.DeadlineVersion}", daysBefore);

    public static ScheduledJob Overdue(Goal goal, string zone, DateOnly date, TimeOnly time) =>
        Job(OverdueKind, goal, TeamCalendar.At(date, time, zone), new Payload(goal.TeamId, goal.GoalId, zone, goal.DeadlineVersion, Date: date),
            $"v{goal.DeadlineVersion}", date);

    /// <summary>Every goal job has the same payload.</summary>
    public static Payload Read(ScheduledJob job) => CheckInKind.Read(job);

    private static ScheduledJob Job(JobKind<Payload> kind, Goal goal, DateTimeOffset dueAt, Payload payload, params object[] suffix) =>
        kind.Create(goal.TenantId, dueAt, payload, [goal.TeamId, goal.GoalId, .. suffix]);
}
