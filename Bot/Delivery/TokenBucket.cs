namespace CareCompanion.Bot.Delivery;

/// <summary>
/// Tokens at <c>rate</c> per second up to <c>capacity</c>, refilled from the elapsed time when asked (no timer: a
/// bucket per tenant costs nothing while that tenant sends nothing). Not thread-safe: <see cref="SendRateLimiter"/> locks.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _rate;
    private readonly double _capacity;
    private double _tokens;
    private DateTimeOffset _at;

    public TokenBucket(double rate, double capacity, DateTimeOffset now)
    {
        _rate = rate;
        _capacity = capacity;
        _tokens = capacity;
        _at = now;
    }

    /// <summary>How long until <paramref name="count"/> tokens are there; zero when they are there now.</summary>
    public TimeSpan WaitFor(double count, DateTimeOffset now)
    {
        Refill(now);
        return _tokens >= count ? TimeSpan.Zero : TimeSpan.FromSeconds((count - _tokens) / _rate);
    }

    /// <summary>Takes tokens <see cref="WaitFor"/> said are there.</summary>
    public void Take(double count) => _tokens -= count;

    private void Refill(DateTimeOffset now)
    {
        if (now <= _at) return;
        _tokens = Math.Min(_capacity, _tokens + (now - _at).TotalSeconds * _rate);
        _at = now;
    }
}
