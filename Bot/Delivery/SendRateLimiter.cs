using Microsoft.Extensions.Options;

namespace CareCompanion.Bot.Delivery;

/// <summary>
/// The clock the send limits run on: Teams counts in real seconds, so this is the system clock even when a test fakes
/// the bot's clock to move days ahead; a test of the limits themselves gives it a fake one.
/// </summary>
public sealed record SendClock(TimeProvider Time);

/// <summary>
/// Paces proactive sends as Teams limits them: per tenant a token bucket (<see cref="DeliveryOptions.MessagesPerTenantPerSecond"/>),
/// optionally one for the whole bot (<see cref="DeliveryOptions.MessagesPerSecond"/>), and per conversation its
/// per-second and per-30-seconds counts. The rates are shared by the live instances: a send here takes as many tokens as
/// there are instances alive, so each sends its part. Nothing waits in here: a sender told "not yet" puts its message back
/// and serves another, so one flooded conversation or throttled tenant holds up nobody else.
/// </summary>
public sealed class SendRateLimiter(IOptions<DeliveryOptions> options, LiveInstances live, SendClock clock)
{
    private readonly DeliveryOptions _options = options.Value;
    private readonly object _gate = new();
    private readonly Dictionary<string, Tenant> _tenants = [];
    private readonly Dictionary<string, ConversationWindow> _conversations = [];
    private TokenBucket? _bot;
    private DateTimeOffset _sweptAt = DateTimeOffset.MinValue;

    private sealed class Tenant(TokenBucket bucket)
    {
        public TokenBucket Bucket { get; } = bucket;
        public DateTimeOffset PausedUntil { get; set; }
    }

    /// <summary>
    /// Takes a permit to send to <paramref name="conversationId"/> in <paramref name="tenantId"/> now: zero when taken,
    /// else how long until one may be (nothing taken then).
    /// </summary>
    public TimeSpan TryAcquire(string tenantId, string conversationId)
    {
        var now = clock.Time.GetUtcNow();
        lock (_gate)
        {
            var share = Math.Min(live.Count, Math.Max(1, _options.MaxInstances));
            var tenant = TenantOf(tenantId, now);
            var conversation = ConversationOf(conversationId);
            var wait = Max(tenant.PausedUntil - now, conversation.WaitFor(now));
            wait = Max(wait, tenant.Bucket.WaitFor(share, now));
            if (BotBucket(now) is { } bot) wait = Max(wait, bot.WaitFor(share, now));
            if (wait > TimeSpan.Zero) return wait;
            tenant.Bucket.Take(share);
            _bot?.Take(share);
            conversation.Take(now);
            Sweep(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>Teams answered 429 for this tenant: nothing more goes to it from this instance for <paramref name="retryAfter"/>.</summary>
    public void Pause(string tenantId, TimeSpan retryAfter)
    {
        var now = clock.Time.GetUtcNow();
        lock (_gate)
        {
            var tenant = TenantOf(tenantId, now);
            if (now + retryAfter > tenant.PausedUntil) tenant.PausedUntil = now + retryAfter;
        }
    }

    // A burst holds a fifth of a second's worth (well under Teams' per-second limits), and at least one send of each of
    // MaxInstances, so every instance's share fits.
    private TokenBucket NewBucket(double rate, DateTimeOffset now) =>
        new(rate, Math.Max(Math.Ceiling(rate / 5), Math.Max(1, _options.MaxInstances)), now);

    private Tenant TenantOf(string tenantId, DateTimeOffset now)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant))
        {
            _tenants[tenantId] = tenant = new Tenant(NewBucket(_options.MessagesPerTenantPerSecond, now));
        }
        return tenant;
    }

    private TokenBucket? BotBucket(DateTimeOffset now) =>
        _options.MessagesPerSecond > 0 ? _bot ??= NewBucket(_options.MessagesPerSecond, now) : null;

    private ConversationWindow ConversationOf(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var window))
        {
            _conversations[conversationId] = window = new ConversationWindow(_options.PerConversationPerSecond, _options.PerConversationPer30Seconds);
        }
        return window;
    }

    /// <summary>Forgets, twice a minute, the conversations nothing went to for 30 s: a national Monday touches 10,000 of them.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now - _sweptAt < TimeSpan.FromSeconds(30)) return;
        _sweptAt = now;
        foreach (var (id, window) in _conversations.Where(c => c.Value.LastSent < now - TimeSpan.FromSeconds(30)).ToList())
        {
            _conversations.Remove(id);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
