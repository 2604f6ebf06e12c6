using System.Net;
using System.Threading.Channels;
using Azure.Storage.Queues.Models;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Delivery;
using Microsoft.Extensions.Options;

namespace CareCompanion.Bot.Delivery;

/// <summary>
/// Runs in every instance: takes messages off the delivery queue, claims each recipient's delivery row, waits for
/// the rate limiter (or puts the message back for later), sends, and records the outcome. The claim makes a redelivered queue message a no-op.
/// One receiver keeps a small buffer filled; <see cref="DeliveryOptions.Concurrency"/> senders work from it.
/// </summary>
public sealed class DeliveryWorker(
    DeliveryQueue queue,
    DeliveryRepository deliveries,
    ConversationRepository conversations,
    ProactiveSender sender,
    SendRateLimiter limiter,
    SendClock sendClock,
    DeliveryMetrics metrics,
    InstanceIdentity instance,
    TimeProvider clock,
    IOptions<DeliveryOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly DeliveryOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        // Received messages wait here for a sender, and the receiver tops it up as senders take from it: no sender waits
        // for a whole batch to finish before the next is fetched.
        var received = Channel.CreateBounded<Received>(new BoundedChannelOptions(_options.Concurrency) { SingleWriter = true });
        var senders = Enumerable.Range(0, _options.Concurrency).Select(_ => SendLoopAsync(received.Reader, stoppingToken)).ToList();
        await ReceiveLoopAsync(received.Writer, stoppingToken);
        received.Writer.Complete();
        await Task.WhenAll(senders);
    }

    private sealed record Received(DeliveryMessage Message, QueueMessage Receipt);

    private async Task ReceiveLoopAsync(ChannelWriter<Received> writer, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // Only as many as there is room for: a message taken off the queue runs down its lease while it waits.
                await writer.WaitToWriteAsync(ct);
                var batch = await queue.ReceiveAsync(_options.Concurrency, _options.Lease, ct);
                if (batch.Count == 0)
                {
                    metrics.QueueLength(0);
                    await Task.Delay(_options.IdlePoll, clock, ct);
                    continue;
                }
                foreach (var (message, receipt) in batch) await writer.WriteAsync(new Received(message, receipt), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Taking messages off the delivery queue failed; trying again.");
                await Task.Delay(_options.IdlePoll, clock, ct);
            }
        }
    }

    private async Task SendLoopAsync(ChannelReader<Received> reader, CancellationToken ct)
    {
        try
        {
            await foreach (var item in reader.ReadAllAsync(ct))
            {
                try
                {
                    await ProcessAsync(item.Message, item.Receipt, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // The message comes back after its visibility timeout, and the claim makes it no more than once.
                    logger.LogError(e, "Delivery of job {JobId} to {ConversationId} failed; it will be retried.", item.Message.JobId, item.Message.ConversationId);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Handles one batch from the queue now, all of it; returns how many messages it took (tests drain the queue with it).</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        var batch = await queue.ReceiveAsync(32, _options.Lease, ct);
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = ct },
            async (item, token) => await ProcessAsync(item.Message, item.Receipt, token));
        return batch.Count;
    }

    private async Task ProcessAsync(DeliveryMessage message, QueueMessage receipt, CancellationToken ct)
    {
        // Asked before the claim, so a message that must wait costs one queue update and no storage write.
        var wait = limiter.TryAcquire(message.TenantId, message.ConversationId);
        // The next token is often milliseconds off, and the queue hides a message for whole seconds: short waits are
        // waited out here, up to a second in all, as long as the queue would have hidden it.
        for (var waited = TimeSpan.Zero; wait > TimeSpan.Zero && wait <= _options.MaxWaitInSender && waited + wait <= OneSecond; waited += wait)
        {
            await Task.Delay(wait, sendClock.Time, ct);
            wait = limiter.TryAcquire(message.TenantId, message.ConversationId);
        }
        if (wait > TimeSpan.Zero)
        {
            await queue.DelayAsync(receipt, Min(TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds)), _options.MaxRequeueDelay), ct);
            metrics.Requeued(message.JobId);
            return;
        }
        var (claim, attempts) = await deliveries.TryClaimAsync(message, instance.Id, clock.GetUtcNow(), _options.Lease, ct);
        if (claim == ClaimResult.Finished)
        {
            await queue.DeleteAsync(receipt, ct); // a redelivery of something already done
            return;
        }
        if (claim == ClaimResult.Busy)
        {
            return; // another worker has it; the message comes back after its visibility timeout
        }
        if (attempts > _options.MaxAttempts)
        {
            await FailAsync(message, receipt, $"gave up after {attempts - 1} attempts", ct);
            return;
        }

        // Once claimed, the send is seen through even when the instance is stopping (a deployment; the host waits for
        // it): cut off while Teams answers, a post Teams already has went unrecorded and out again when the claim ran out.
        await SendClaimedAsync(message, receipt, CancellationToken.None);
    }

    private async Task SendClaimedAsync(DeliveryMessage message, QueueMessage receipt, CancellationToken ct)
    {
        DeliveryContext.CurrentJobId = message.JobId;
        DeliveryContext.CurrentTenantId = message.TenantId;
        var outcome = await sender.SendAsync(message, ct);
        switch (outcome.Result)
        {
            case SendResult.Sent:
                await RecordSentAsync(message, outcome.ActivityId, ct);
                metrics.Sent(message.JobId);
                await queue.DeleteAsync(receipt, ct);
                break;
            case SendResult.Permanent:
                if (outcome.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    // The bot was removed or the person left: stop using this conversation.
                    await conversations.DeactivateAsync(message.TenantId, message.ConversationId, ct);
                }
                await FailAsync(message, receipt, outcome.Reason ?? "permanent failure", ct);
                break;
            default:
                logger.LogWarning("Delivery of job {JobId} to {ConversationId} failed for now ({Reason}); it will be retried.",
                    message.JobId, message.ConversationId, outcome.Reason);
                await deliveries.ReleaseAsync(message, ct);
                break;
        }
    }

    /// <summary>
    /// The message went out, and that must be stored, or the queue message coming back would send it again: storage that
    /// fails now (an outage) is waited out while the claim holds, not given up at once.
    /// </summary>
    private async Task RecordSentAsync(DeliveryMessage message, string? activityId, CancellationToken ct)
    {
        var claimEnds = clock.GetUtcNow() + _options.Lease;
        while (true)
        {
            try
            {
                await deliveries.MarkSentAsync(message, activityId, clock.GetUtcNow(), ct);
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && clock.GetUtcNow() + _options.IdlePoll < claimEnds)
            {
                logger.LogWarning("Storing that job {JobId} reached {ConversationId} failed ({Error}); trying again.",
                    message.JobId, message.ConversationId, e.GetBaseException().Message);
                await Task.Delay(_options.IdlePoll, clock, ct);
            }
        }
    }

    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async Task FailAsync(DeliveryMessage message, QueueMessage receipt, string reason, CancellationToken ct)
    {
        await deliveries.MarkFailedAsync(message, reason, clock.GetUtcNow(), ct);
        metrics.Failed(message.JobId);
        logger.LogWarning("Delivery of job {JobId} to {ConversationId} failed for good: {Reason}.", message.JobId, message.ConversationId, reason);
        await queue.DeleteAsync(receipt, ct);
    }
}
