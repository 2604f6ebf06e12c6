using CareCompanion.Bot.Teams;
using System.Globalization;
using System.Text.Json;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Goals;

/// <summary>
/// A goal's scheduled work. The job ids make each happen once: a check-in per date, a nudge per offset and deadline
/// version (a re-dated goal gets fresh nudges, the old ones find the version changed), an overdue reminder per day.
/// </summary>
public static class GoalJobs
{
    public const string CheckInKind = "goal.checkin";
    public const string NudgeKind = "goal.nudge";
    public const string OverdueKind = "goal.overdue";

    public sealed record Payload(string TeamId, string GoalId, string TimeZone, int Version = 0, int DaysBefore = 0, DateOnly? Date = null,
        bool AskedByLeader = false);

    public static ScheduledJob CheckIn(Goal goal, string zone, DateOnly date, TimeOnly time) =>
        Job(CheckInKind, goal, Day(date), TeamCalendar.At(date, time, zone), new Payload(goal.TeamId, goal.GoalId, zone, Date: date));

    /// <summary>A leader asked from the digest: a check-in card now (once a day per goal at most).</summary>
    public static ScheduledJob Ask(Goal goal, string zone, DateOnly today, DateTimeOffset now) =>
        Job(CheckInKind, goal, "ask|" + Day(today), now, new Payload(goal.TeamId, goal.GoalId, zone, AskedByLeader: true));

    public static ScheduledJob Nudge(Goal goal, string zone, int daysBefore, TimeOnly time) =>
        Job(NudgeKind, goal, $"v{goal.DeadlineVersion}|{daysBefore}", TeamCalendar.At(goal.Deadline.AddDays(-daysBefore), time, zone),
            new Payload(goal.TeamId, goal.GoalId, zone, goal.DeadlineVersion, daysBefore));

    public static ScheduledJob Overdue(Goal goal, string zone, DateOnly date, TimeOnly time) =>
        Job(OverdueKind, goal, $"v{goal.DeadlineVersion}|{Day(date)}", TeamCalendar.At(date, time, zone), new Payload(goal.TeamId, goal.GoalId, zone, goal.DeadlineVersion, Date: date));

    public static Payload Read(ScheduledJob job) => JsonSerializer.Deserialize<Payload>(job.Payload)!;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ScheduledJob Job(string kind, Goal goal, string suffix, DateTimeOffset dueAt, Payload payload) => new()
    {
        JobId = $"{kind}|{goal.TenantId}|{goal.TeamId}|{goal.GoalId}|{suffix}",
        Kind = kind,
        TenantId = goal.TenantId,
        DueAt = dueAt,
        Payload = JsonSerializer.Serialize(payload),
    };
}
