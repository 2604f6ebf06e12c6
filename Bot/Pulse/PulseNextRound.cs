using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// The team's next round: its weekly slot in the first week whose round has not run. A team is asked once a week (the
/// job id is per week), so a later day or time in a week whose round already ran or runs belongs to the week after;
/// scheduling it in the same week would collide with that week's finished job and be dropped. The one answer to "when is
/// this team's next round" for every caller: the posting job, ask-now, settings, install and the daily check.
/// </summary>
public sealed class PulseNextRound(PulseRepository pulse, JobRepository jobs)
{
    public async Task<ScheduledJob> FindAsync(PulseSettings settings, Team team, DateTimeOffset after, CancellationToken ct)
    {
        var next = PulseJobs.Next(settings, team, after);
        return await RanAsync(settings, team, next, ct) ? PulseJobs.Next(settings, team, next.DueAt.AddMinutes(1)) : next;
    }

    // Both read at once: the usual answer (neither there) needs both.
    private async Task<bool> RanAsync(PulseSettings settings, Team team, ScheduledJob post, CancellationToken ct)
    {
        var round = pulse.GetRoundAsync(settings.TenantId, settings.TeamId, TeamCalendar.WeekOf(team.TimeZone, post.DueAt), ct);
        var job = jobs.GetAsync(post.JobId, ct);
        await Task.WhenAll(round, job);
        return round.Result is not null || job.Result is { State: not JobState.Pending };
    }
}
