using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CareCompanion.Bot.Delivery;

/// <summary>
/// Paces proactive sends: one token bucket for the whole instance, and per conversation a token bucket (per second)
/// chained with a sliding window (per 30 s), as Teams limits both.
/// </summary>
public sealed class SendRateLimiter : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SendRateLimiter(IOptions<DeliveryOptions> options)
    {
        var o = options.Value;
        var replenishEvery = TimeSpan.FromMilliseconds(50);
        var perTick = Math.Max(1, (int)Math.Round(o.MessagesPerSecond * replenishEvery.TotalSeconds));
        var global = PartitionedRateLimiter.Create<string, string>(_ => RateLimitPartition.GetTokenBucketLimiter("all",
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perTick,
                TokensPerPeriod = perTick,
                ReplenishmentPeriod = TimeSpan.FromSeconds(perTick / o.MessagesPerSecond),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
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
        _limiter = PartitionedRateLimiter.CreateChained(perSecond, per30Seconds, global);
    }

    /// <summary>Waits until a message may go to <paramref name="conversationId"/>.</summary>
    public async Task WaitAsync(string conversationId, CancellationToken ct)
    {
        using var lease = await _limiter.AcquireAsync(conversationId, 1, ct);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("Send rate limiter refused a permit.");
        }
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
