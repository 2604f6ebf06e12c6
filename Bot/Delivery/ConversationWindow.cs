namespace CareCompanion.Bot.Delivery;

/// <summary>
/// The sends to one conversation in the last 30 s, for Teams' two limits there (per second and per 30 s) counted
/// exactly. Not thread-safe: <see cref="SendRateLimiter"/> locks.
/// </summary>
internal sealed class ConversationWindow(int perSecond, int per30Seconds)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private readonly Queue<DateTimeOffset> _sent = new();

    public DateTimeOffset? LastSent { get; private set; }

    /// <summary>How long until one more send fits both limits; zero when it fits now.</summary>
    public TimeSpan WaitFor(DateTimeOffset now)
    {
        while (_sent.TryPeek(out var oldest) && oldest <= now - Window) _sent.Dequeue();
        var wait = TimeSpan.Zero;
        if (_sent.Count >= per30Seconds) wait = _sent.ElementAt(_sent.Count - per30Seconds) + Window - now;
        var lastSecond = _sent.Count(t => t > now - Second);
        if (lastSecond >= perSecond) wait = Max(wait, _sent.ElementAt(_sent.Count - perSecond) + Second - now);
        return wait;
    }

    public void Take(DateTimeOffset now)
    {
        _sent.Enqueue(now);
        LastSent = now;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
