using CareCompanion.Bot.Delivery;
using CareCompanion.Storage.Delivery;
using CareCompanion.Storage.Scheduling;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace CareCompanion.Bot.Scheduling;

/// <summary>
/// Runs in every instance: claims due jobs (ETag-guarded lease, so each runs once), lets the job's handler plan
/// its messages and puts one queue message per recipient on the delivery queue.
/// </summary>
public sealed class JobScheduler(
    JobRepository jobs,
    DeliveryQueue queue,
    IEnumerable<IJobHandler> handlers,
    DeliveryMetrics metrics,
    InstanceIdentity instance,
    TimeProvider clock,
    IOptions<SchedulerOptions> options,
    ILogger<JobScheduler> logger) : BackgroundService
{
    private readonly SchedulerOptions _options = options.Value;
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        using var timer = new PeriodicTimer(_options.PollInterval, clock);
        do
        {
            try
            {
                await RunDueJobsAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Scheduler pass failed; trying again at the next tick.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: runs every due job this instance manages to claim; returns how many it ran.</summary>
    public async Task<int> RunDueJobsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ran = 0;
        foreach (var job in await jobs.ListClaimableAsync(now, max: 100, ct))
        {
            var claimed = await jobs.TryClaimAsync(job, instance.Id, now + _options.Lease, ct);
            if (claimed is not null && await RunAsync(claimed, ct))
            {
                ran++;
            }
        }
        return ran;
    }

    private async Task<bool> RunAsync(ScheduledJob job, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var late = now - job.DueAt > _options.LateAfter;
        if (late)
        {
            logger.LogWarning("Job {JobId} ({Kind}) starts {Minutes:F0} minutes late.", job.JobId, job.Kind, (now - job.DueAt).TotalMinutes);
        }
        try
        {
            if (!_handlers.TryGetValue(job.Kind, out var handler))
            {
                throw new InvalidOperationException($"No handler for job kind '{job.Kind}'.");
            }
            var planned = await handler.PlanAsync(job, ct);
            await EnqueueAsync(job, planned, ct);
            if (!await jobs.CompleteAsync(job, planned.Count, clock.GetUtcNow(), ct))
            {
                logger.LogWarning("Job {JobId}: lease lost while planning; the deliveries dedupe what was queued twice.", job.JobId);
            }
            metrics.JobRun(job.JobId, planned.Count, late);
            logger.LogInformation("Job {JobId} ({Kind}) queued {Count} messages.", job.JobId, job.Kind, planned.Count);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var retryAt = clock.GetUtcNow() + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, job.Attempts)));
            logger.LogError(e, "Job {JobId} ({Kind}) failed; tried again at {RetryAt:u}.", job.JobId, job.Kind, retryAt);
            await jobs.ReleaseAsync(job, retryAt, e.GetType().Name, ct);
            return false;
        }
    }

    /// <summary>Puts one delivery message per planned message on the queue.</summary>
    public Task EnqueueAsync(ScheduledJob job, IReadOnlyList<PlannedMessage> planned, CancellationToken ct) =>
        Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = _options.EnqueueConcurrency, CancellationToken = ct },
            async (message, token) => await queue.EnqueueAsync(ToQueueMessage(job, message), token));

    private static DeliveryMessage ToQueueMessage(ScheduledJob job, PlannedMessage message) => new()
    {
        JobId = job.JobId,
        TenantId = message.To.TenantId,
        ConversationId = message.To.ConversationId,
        ServiceUrl = message.To.ServiceUrl,
        BotId = message.To.BotId,
        ActivityJson = JsonConvert.SerializeObject(message.Activity, HttpHelper.BotMessageSerializerSettings),
        ReplaceActivityId = message.ReplaceActivityId,
    };
}
