using CareCompanion.Bot.Delivery;
using CareCompanion.Storage.Delivery;
using CareCompanion.Storage.Scheduling;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace CareCompanion.Bot.Scheduling;

/// <summary>
/// Puts a job's planned messages on the delivery queue, one per recipient conversation, in conversation order and in
/// chunks. It keeps the queue at most <see cref="SchedulerOptions.MaxQueued"/> long: the senders are paced by Teams'
/// rate limits anyway, and a short queue keeps every queue operation cheap (Azurite's queue scans all its messages on
/// each one: at 5,000 queued that alone held delivery to 77 % of the allowed rate). After each chunk the job records
/// the last conversation queued and extends its lease, so a run after a crash goes on from there.
/// </summary>
public sealed class FanOut(JobRepository jobs, DeliveryQueue queue, DeliveryMetrics metrics, TimeProvider clock, IOptions<SchedulerOptions> options)
{
    private readonly SchedulerOptions _options = options.Value;

    /// <summary>The order messages are queued in, which <see cref="ScheduledJob.QueuedThrough"/> refers to.</summary>
    public static IReadOnlyList<PlannedMessage> InQueueOrder(IEnumerable<PlannedMessage> planned) =>
        planned.OrderBy(p => p.To.ConversationId, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Queues the planned messages after the job's <see cref="ScheduledJob.QueuedThrough"/>; returns the job as
    /// recorded, or null when its lease went to another instance (which goes on from the recorded point).
    /// </summary>
    public async Task<ScheduledJob?> QueueAsync(ScheduledJob job, IReadOnlyList<PlannedMessage> planned, CancellationToken ct)
    {
        var remaining = InQueueOrder(planned)
            .Where(p => job.QueuedThrough is null || string.CompareOrdinal(p.To.ConversationId, job.QueuedThrough) > 0);
        var chunks = remaining.Chunk(Math.Clamp(_options.FanOutChunk, 1, Math.Max(1, _options.MaxQueued))).ToList();
        foreach (var chunk in chunks)
        {
            if (await WaitForRoomAsync(job, chunk.Length, ct) is not { } waited) return null;
            await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = _options.EnqueueConcurrency, CancellationToken = ct },
                async (message, token) => await queue.EnqueueAsync(ToQueueMessage(waited, message), token));
            QueuedSinceReading(chunk.Length);
            job = waited;
            // After the last chunk the job's completion records the end: a progress mark there would be one more write per
            // job (10,000 of them on a national Monday). A crash in between queues the last chunk again, and the delivery
            // claims send each message once.
            if (chunk == chunks[^1]) break;
            if (await jobs.RecordProgressAsync(waited, chunk[^1].To.ConversationId, clock.GetUtcNow() + _options.Lease, ct) is not { } recorded) return null;
            job = recorded;
        }
        return job;
    }

    /// <summary>Waits until <paramref name="count"/> more messages fit on the queue, keeping the job's lease alive meanwhile.</summary>
    private async Task<ScheduledJob?> WaitForRoomAsync(ScheduledJob job, int count, CancellationToken ct)
    {
        while (await QueueLengthAsync(ct) + count > _options.MaxQueued)
        {
            await Task.Delay(_options.FanOutPoll, clock, ct);
            if (job.LeaseUntil - clock.GetUtcNow() < _options.Lease / 2)
            {
                if (await jobs.RecordProgressAsync(job, job.QueuedThrough, clock.GetUtcNow() + _options.Lease, ct) is not { } renewed) return null;
                job = renewed;
            }
        }
        return job;
    }

    /// <summary>
    /// The queue's length as last read plus what this instance queued since, read again once the reading is a
    /// <see cref="SchedulerOptions.FanOutPoll"/> old: the jobs of one pass share a reading rather than each asking the queue.
    /// </summary>
    private async Task<int> QueueLengthAsync(CancellationToken ct)
    {
        lock (_readingGate)
        {
            if (clock.GetUtcNow() - _reading.At < _options.FanOutPoll) return _reading.Length + _queuedSinceReading;
        }
        var length = await queue.ApproximateCountAsync(ct);
        metrics.QueueLength(length);
        lock (_readingGate)
        {
            _reading = (length, clock.GetUtcNow());
            _queuedSinceReading = 0;
        }
        return length;
    }

    private void QueuedSinceReading(int count)
    {
        lock (_readingGate) _queuedSinceReading += count;
    }

    private readonly object _readingGate = new();
    private (int Length, DateTimeOffset At) _reading = (0, DateTimeOffset.MinValue);
    private int _queuedSinceReading;

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
