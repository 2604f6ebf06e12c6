using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Scheduling;
using Microsoft.Extensions.Options;

namespace CareCompanion.Bot.Goals;

/// <summary>Plans a goal's check-ins, nudges and overdue reminders in the team's time zone.</summary>
public sealed class GoalSchedule(JobRepository jobs, IOptions<GoalOptions> options, TimeProvider clock)
{
    private readonly GoalOptions _options = options.Value;

    /// <summary>After the goal was created or re-dated: the next check-in, the nudges still ahead, and the first overdue day.</summary>
    public async Task PlanAsync(Goal goal, string zone, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (NextCheckIn(goal, TeamCalendar.DateAt(now, zone)) is { } date) await jobs.ScheduleAsync(GoalJobs.CheckIn(goal, zone, date, _options.Time), ct);
        foreach (var days in _options.NudgeDaysBefore.Distinct())
        {
            var nudge = GoalJobs.Nudge(goal, zone, days, _options.Time);
            if (nudge.DueAt > now) await jobs.ScheduleAsync(nudge, ct);
        }
        await jobs.ScheduleAsync(GoalJobs.Overdue(goal, zone, goal.Deadline.AddDays(1), _options.Time), ct);
    }

    public Task CheckInAfterAsync(Goal goal, string zone, DateOnly after, CancellationToken ct) =>
        NextCheckIn(goal, after) is { } date ? jobs.ScheduleAsync(GoalJobs.CheckIn(goal, zone, date, _options.Time), ct) : Task.CompletedTask;

    public Task OverdueAfterAsync(Goal goal, string zone, DateOnly after, CancellationToken ct) =>
        jobs.ScheduleAsync(GoalJobs.Overdue(goal, zone, after.AddDays(1), _options.Time), ct);

    /// <summary>The first check-in date after <paramref name="after"/> (start + n × cadence), before the deadline; none without a cadence.</summary>
    private static DateOnly? NextCheckIn(Goal goal, DateOnly after)
    {
        if (GoalCadence.Days(goal.Cadence) is not { } step) return null;
        var date = goal.Start.AddDays(step);
        while (date <= after) date = date.AddDays(step);
        return date < goal.Deadline ? date : null;
    }
}
