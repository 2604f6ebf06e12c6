using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "spør nå" / "ask now" (and the button on the welcome card): a leader or coach has this week's question posted now,
/// unless a round is open (then: when it closes) or the team had its question this ISO week (then: when the next comes).
/// It moves this week's posting job to now, so the question is posted once, through the queue like every week's.
/// </summary>
public sealed class PulseAskNow(PulseRepository pulse, TeamRepository teams, JobRepository jobs, PulseOpenRounds openRounds, PulseNextRound nextRound,
    TimeProvider clock)
{
    public async Task<Reply> AskAsync(Turn turn, CancellationToken ct)
    {
        var (tenantId, teamId) = (turn.Caller!.TenantId, turn.Caller.TeamId);
        var settings = await pulse.GetSettingsAsync(tenantId, teamId, ct);
        var team = await teams.GetAsync(tenantId, teamId, ct);
        if (settings is null || team is null) return Reply.Text(turn.T["command.teamOnly"]);
        if (await openRounds.OpenRoundAsync(settings, team, ct) is { } open)
        {
            return Reply.Text(turn.T.Format("pulse.askNow.open", TeamCalendar.Describe(team.TimeZone, open.ClosesAt, turn.Language)));
        }
        var now = clock.GetUtcNow();
        if (await pulse.GetRoundAsync(tenantId, teamId, TeamCalendar.WeekOf(team.TimeZone, now), ct) is not null)
        {
            var next = await nextRound.FindAsync(settings, team, now, ct);
            return Reply.Text(turn.T.Format("pulse.askNow.done", TeamCalendar.Describe(team.TimeZone, next.DueAt, turn.Language)));
        }
        var due = PulseJobs.FirstAllowed(settings, team, now);
        var job = PulseJobs.Post(settings, team, due);
        // The week's job may be waiting for a later day: the same job, due now; else a new one.
        if (!await jobs.ScheduleAsync(job, ct)) await jobs.RescheduleAsync(job.JobId, due, ct);
        return Reply.Text(turn.T.Format("pulse.askNow.coming", TeamCalendar.Describe(team.TimeZone, due, turn.Language)));
    }
}
