using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CareCompanion.Bot.Delivery;

/// <summary>
/// Paces proactive sends: one token bucket for the bot's rate, and per conversation a token bucket (per second)
/// chained with a sliding window (per 30 s), as Teams limits both. The bot's rate is shared by its live instances:
/// a send here takes as many tokens as there are instances alive, so each sends its part.
/// </summary>
public sealed class SendRateLimiter : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> _perConversation;
    private readonly TokenBucketRateLimiter _bot;
    private readonly LiveInstances _live;
    private readonly int _maxShare;

    public SendRateLimiter(IOptions<DeliveryOptions> options, LiveInstances live)
    {
        var o = options.Value;
        _live = live;
        // Holds a fifth of a second's worth (so a replenishing tick that comes late on a busy machine is not lost,
        // and a burst stays well under Teams' per-second limits), and at least one send of each of MaxInstances.
        _maxShare = Math.Max(Math.Max(1, (int)Math.Ceiling(o.MessagesPerSecond / 5)), o.MaxInstances);
        // Not a partition of the per-conversation limiter: partitioned limiters are replenished by a shared 100 ms
        // timer, which caps a bucket refilled more often than that (measured: 40 % of the configured rate).
        _bot = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = _maxShare,
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
        using var botLease = await _bot.AcquireAsync(Math.Min(_live.Count, _maxShare), ct);
        if (!conversationLease.IsAcquired || !botLease.IsAcquired)
        {
            throw new InvalidOperationException("Send rate limiter refused a permit.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _perConversation.DisposeAsync();
        await _bot.DisposeAsync();
    }
}
