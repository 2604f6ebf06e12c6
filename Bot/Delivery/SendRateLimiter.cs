using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CareCompanion.Bot.Delivery;

/// <summary>
/// Paces proactive sends: one token bucket for the whole instance, and per conversation a token bucket (per second)
/// chained with a sliding window (per 30 s), as Teams limits both.
/// </summary>
public sealed class SendRateLimiter : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> _perConversation;
    private readonly TokenBucketRateLimiter _global;

    public SendRateLimiter(IOptions<DeliveryOptions> options)
    {
        var o = options.Value;
        // Not a partition of the per-conversation limiter: partitioned limiters are replenished by a shared 100 ms
        // timer, which caps a bucket refilled more often than that (measured: 40 % of the configured rate).
        _global = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1, // evenly spaced sends: a burst is what trips a 429
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / o.MessagesPerSecond),
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var perSecond = PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetTokenBucketLimiter(conversation,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = o.PerConversationPerSecond,
                TokensPerPeriod = o.PerConversationPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
            }));
        var per30Seconds = PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetSlidingWindowLimiter(conversation,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = o.PerConversationPer30Seconds,
                Window = TimeSpan.FromSeconds(30),
                SegmentsPerWindow = 6,
                QueueLimit = int.MaxValue,
            }));
        _perConversation = PartitionedRateLimiter.CreateChained(perSecond, per30Seconds);
    }

    /// <summary>Waits until a message may go to <paramref name="conversationId"/>.</summary>
    public async Task WaitAsync(string conversationId, CancellationToken ct)
    {
        using var conversationLease = await _perConversation.AcquireAsync(conversationId, 1, ct);
        using var globalLease = await _global.AcquireAsync(1, ct);
        if (!conversationLease.IsAcquired || !globalLease.IsAcquired)
        {
            throw new InvalidOperationException("Send rate limiter refused a permit.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _perConversation.DisposeAsync();
        await _global.DisposeAsync();
    }
}
