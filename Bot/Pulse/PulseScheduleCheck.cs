using CareCompanion.Bot.Scheduling;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// Once a day: every active team (pulse on, the app still in its channel) has its next round scheduled. A team without
/// one would never be asked again and nobody would notice, so a missing round is scheduled and logged as a warning.
/// </summary>
public sealed class PulseScheduleCheck(PulseRepository pulse, TeamRepository teams, ConversationRepository conversations, JobRepository jobs,
    PulseNextRound nextRound, TimeProvider clock, ILogger<PulseScheduleCheck> logger) : IJobHandler, IHostedService
{
    public sealed record Payload;

    public static readonly JobKind<Payload> Kind = new("pulse.check");

    string IJobHandler.Kind => Kind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (checkedTeams, repaired) = (0, 0);
        foreach (var settings in await pulse.ListAllSettingsAsync(ct))
        {
            if (!settings.Enabled || await teams.GetAsync(settings.TenantId, settings.TeamId, ct) is not { } team) continue;
            if (await conversations.GetAsync(team.TenantId, team.ConversationId, ct) is { Active: false }) continue;
            checkedTeams++;
            var next = await nextRound.FindAsync(settings, team, now, ct);
            if (await jobs.GetAsync(next.JobId, ct) is not null) continue;
            await jobs.ScheduleAsync(next, ct);
            repaired++;
            logger.LogWarning("Team {Team} of tenant {Tenant} had no next pulse round scheduled; scheduled {Job} for {Due:u}.",
                settings.TeamId, settings.TenantId, next.JobId, next.DueAt);
        }
        logger.LogInformation("Pulse schedule check: {Checked} active teams, {Repaired} without a next round, now scheduled.", checkedTeams, repaired);
        await ScheduleNextAsync(ct);
        return [];
    }

    /// <summary>Makes sure the next check is scheduled (one job id per day, so instances starting together add one).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => ScheduleNextAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>03:00 UTC: a quiet hour, after the retention sweep, hours before any round is due (08:00 at the earliest).</summary>
    private Task ScheduleNextAsync(CancellationToken ct) => jobs.ScheduleAsync(DailyJob.Next(Kind, new Payload(), 3, clock), ct);
}
