using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Networks;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Storage.Delivery;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Privacy;

/// <summary>
/// Once a day: deletes the answers (values and comments) of pulse rounds that closed longer ago than the retention
/// period (Privacy:RetentionMonths, default 24). The round's aggregate, which holds nothing personal, stays for the trend.
/// Ideas closed (implemented or not pursued) longer ago lose who sent, supported, commented and decided them; learning
/// networks drop old status reports and practice cards no one can see (<see cref="NetworkRetention"/>).
/// It also clears jobs finished more than <see cref="KeepDoneJobs"/> ago with all their delivery rows (which name the chats
/// a job went to), which only the scheduler's bookkeeping needed.
/// </summary>
public sealed class RetentionJob(PulseRepository pulse, IdeaRepository ideas, NetworkRetention networks, JobRepository jobs, DeliveryRepository deliveries,
    IConfiguration configuration, TimeProvider clock, ILogger<RetentionJob> logger)
    : IJobHandler, IHostedService
{
    public sealed record Payload;

    public static readonly JobKind<Payload> Kind = new("privacy.retention");

    public static readonly TimeSpan KeepDoneJobs = TimeSpan.FromDays(30);

    string IJobHandler.Kind => Kind.Name;

    public int RetentionMonths => Math.Max(1, configuration.GetValue("Privacy:RetentionMonths", 24));

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().AddMonths(-RetentionMonths);
        var expired = await pulse.ListExpiredRoundsAsync(cutoff, ct);
        foreach (var round in expired)
        {
            await pulse.DeleteAnswersAsync(round, ct);
        }
        var expiredIdeas = 0;
        foreach (var idea in await ideas.ListClosedBeforeAsync(cutoff, ct))
        {
            if (IdeaPersonalData.Expire(idea) is null) continue;
            await ideas.ChangeAsync(idea.TenantId, idea.TeamId, idea.IdeaId, IdeaPersonalData.Expire, ct);
            expiredIdeas++;
        }
        var (networkReports, practiceCards) = await networks.SweepAsync(cutoff, ct);
        var oldJobs = await jobs.DeleteDoneBeforeAsync(clock.GetUtcNow() - KeepDoneJobs, ct);
        var oldDeliveries = 0;
        foreach (var (tenantId, jobId) in oldJobs) oldDeliveries += await deliveries.DeleteForJobAsync(tenantId, jobId, ct);
        oldDeliveries += await deliveries.DeleteFinishedBeforeAsync(clock.GetUtcNow() - KeepDoneJobs, ct);
        logger.LogInformation("Retention: deleted the answers of {Count} rounds closed before {Cutoff:u}, the personal fields of {Ideas} closed ideas, {Reports} network status reports, {Jobs} finished jobs and {Deliveries} deliveries, and swept {Cards} practice cards.",
            expired.Count, cutoff, expiredIdeas, networkReports, oldJobs.Count, oldDeliveries, practiceCards);
        await ScheduleNextAsync(ct);
        return [];
    }

    /// <summary>Makes sure the next sweep is scheduled (one job id per day, so instances starting together add one).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => ScheduleNextAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The next 02:00 UTC (a quiet hour) after now.</summary>
    private Task ScheduleNextAsync(CancellationToken ct) => jobs.ScheduleAsync(DailyJob.Next(Kind, new Payload(), 2, clock), ct);
}
