using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Hosting;
using CareCompanion.Bot.Telemetry;
using CareCompanion.Storage.Scheduling;
using Microsoft.Extensions.Options;

namespace CareCompanion.Bot.Scheduling;

/// <summary>
/// Runs in every instance: claims due jobs (ETag-guarded lease, so each runs once), lets the job's handler plan
/// its messages and hands them to the <see cref="FanOut"/>. Each job run is one telemetry span.
/// </summary>
public sealed class JobScheduler(
    JobRepository jobs,
    FanOut fanOut,
    IEnumerable<IJobHandler> handlers,
    DeliveryMetrics metrics,
    InstanceIdentity instance,
    TimeProvider clock,
    IOptions<SchedulerOptions> options,
    ILogger<JobScheduler> logger) : BackgroundService
{
    private readonly SchedulerOptions _options = options.Value;
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind);
    private bool _legacyMoved;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        await Periodically.RunAsync(_options.PollInterval, clock, UntilCaughtUpAsync,
            e => logger.LogError(e, "Scheduler pass failed; trying again at the next tick."), stoppingToken);
    }

    /// <summary>
    /// Passes until one finds fewer due jobs than a pass takes: with 10,000 rounds due at once, waiting a poll interval
    /// after each pass would hold the last team's round for many minutes.
    /// </summary>
    private async Task UntilCaughtUpAsync(CancellationToken ct)
    {
        while (await PassAsync(ct) is var (listed, ran) && listed >= _options.JobsPerPass && ran > 0 && !ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass: runs every due job this instance manages to claim; returns how many it ran.</summary>
    public async Task<int> RunDueJobsAsync(CancellationToken ct) => (await PassAsync(ct)).Ran;

    /// <summary>
    /// Each tenant's jobs in turn, in due order (a round's closing before the next round's posting), and the tenants side
    /// by side, so a Monday of many tenants is not one job after another. The tenants in a random order, so two instances
    /// polling at once mostly claim different jobs rather than race for the same ones.
    /// </summary>
    private async Task<(int Listed, int Ran)> PassAsync(CancellationToken ct)
    {
        if (!_legacyMoved)
        {
            var moved = await jobs.MigrateLegacyAsync(ct);
            if (moved > 0) logger.LogInformation("Moved {Count} jobs stored the old way to their due entries.", moved);
            _legacyMoved = true;
        }
        var now = clock.GetUtcNow();
        var ran = 0;
        var claimable = await jobs.ListClaimableAsync(now, _options.JobsPerPass, ct);
        var tenants = claimable.GroupBy(j => j.TenantId).Select(g => g.ToList()).ToArray();
        Random.Shared.Shuffle(tenants);
        await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.TenantsAtOnce), CancellationToken = ct },
            async (tenantJobs, token) =>
            {
                foreach (var job in tenantJobs)
                {
                    // The lease from now, not from the pass's start: a pass of a thousand jobs outlasts a lease.
                    var claimed = await jobs.TryClaimAsync(job, instance.Id, clock.GetUtcNow() + _options.Lease, token);
                    if (claimed is not null && await RunAsync(claimed, token)) Interlocked.Increment(ref ran);
                }
            });
        return (claimable.Count, ran);
    }

    private async Task<bool> RunAsync(ScheduledJob job, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lateness = now - job.DueAt;
        var late = lateness > _options.LateAfter;
        if (late)
        {
            logger.LogWarning("Job {JobId} ({Kind}) starts {Minutes:F0} minutes late.", job.JobId, job.Kind, lateness.TotalMinutes);
        }
        var operation = Operation.Start($"job {job.Kind}", new KeyValuePair<string, object?>(BotTelemetry.JobKind, job.Kind));
        try
        {
            if (!_handlers.TryGetValue(job.Kind, out var handler))
            {
                throw new InvalidOperationException($"No handler for job kind '{job.Kind}'.");
            }
            var keeper = LeaseKeeper.Start(jobs, job, _options.Lease, clock);
            IReadOnlyList<PlannedMessage> planned;
            ScheduledJob? held;
            try
            {
                planned = await handler.PlanAsync(job, ct);
            }
            finally
            {
                held = await keeper.StopAsync();
                job = held ?? job;
            }
            operation.Tag(BotTelemetry.Recipients, planned.Count);
            var queued = held is null ? null : await fanOut.QueueAsync(held, planned, ct);
            if (queued is null || !await jobs.CompleteAsync(queued, planned.Count, clock.GetUtcNow(), ct))
            {
                logger.LogWarning("Job {JobId}: lease lost while queueing; the instance holding it now goes on from the last chunk recorded.", job.JobId);
                operation.Outcome = "lease lost";
                return false;
            }
            metrics.JobRun(job.Kind, planned.Count, lateness);
            operation.Tag(BotTelemetry.LateSeconds, Math.Max(0, lateness.TotalSeconds));
            operation.Outcome = "queued";
            logger.LogInformation("Job {JobId} ({Kind}) queued {Count} messages.", job.JobId, job.Kind, planned.Count);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var retryAt = clock.GetUtcNow() + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, job.Attempts)));
            logger.LogError(e, "Job {JobId} ({Kind}) failed; tried again at {RetryAt:u}.", job.JobId, job.Kind, retryAt);
            operation.Outcome = "failed";
            await jobs.ReleaseAsync(job, retryAt, e.GetType().Name, ct);
            return false;
        }
        finally
        {
            operation.Finish();
        }
    }
}
