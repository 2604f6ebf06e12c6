using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace CareCompanion.Benchmarks.Delivery;

/// <summary>
/// A stand-in for the Teams connector that enforces a per-second limit as Teams states its limits ("N per second"):
/// a token bucket holding at most one second's worth (<c>rate</c>), refilled every 100 ms; a request over it gets
/// 429 with Retry-After: 1.
/// </summary>
public sealed class RateLimitedSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TokenBucketRateLimiter _bucket;
    private readonly ConcurrentDictionary<string, int> _deliveries = new();
    private readonly ConcurrentQueue<long> _acceptedAt = new();
    private long _accepted;
    private long _throttled;
    private long _firstTicks;
    private long _lastTicks;

    private RateLimitedSink(WebApplication app, double rate)
    {
        _app = app;
        var perTick = Math.Max(1, (int)(rate / 10));
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = (int)rate,
            TokensPerPeriod = perTick,
            ReplenishmentPeriod = TimeSpan.FromSeconds(perTick / rate),
            QueueLimit = 0,
        });
    }

    public string ServiceUrl { get; private set; } = "";
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Throttled => Interlocked.Read(ref _throttled);
    public int Distinct => _deliveries.Count;
    public int Duplicates => _deliveries.Values.Sum(v => v - 1);
    public IReadOnlyList<string> Duplicated => _deliveries.Where(d => d.Value > 1).Select(d => d.Key).ToList();
    public DateTimeOffset FirstDelivery => new(Interlocked.Read(ref _firstTicks), TimeSpan.Zero);
    public DateTimeOffset LastDelivery => new(Interlocked.Read(ref _lastTicks), TimeSpan.Zero);

    public static async Task<RateLimitedSink> StartAsync(double rate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new RateLimitedSink(app, rate);
        // ContinueConversation sends as a reply to the continuation activity: .../activities/{replyToId}.
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", (string conversationId, HttpContext context) => sink.Receive(conversationId, context));
        await app.StartAsync();
        sink.ServiceUrl = app.Urls.First() + "/";
        return sink;
    }

    private IResult Receive(string conversationId, HttpContext context)
    {
        using var lease = _bucket.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            Interlocked.Increment(ref _throttled);
            context.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(429);
        }
        var now = DateTimeOffset.UtcNow.UtcTicks;
        Interlocked.CompareExchange(ref _firstTicks, now, 0);
        Interlocked.Exchange(ref _lastTicks, now);
        Interlocked.Increment(ref _accepted);
        _acceptedAt.Enqueue(now);
        _deliveries.AddOrUpdate(Uri.UnescapeDataString(conversationId), 1, (_, n) => n + 1);
        return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
    }

    /// <summary>Messages per second between the 10th and the 90th percentile of deliveries: the rate without the run's start and end.</summary>
    public double MiddleRate()
    {
        var ticks = _acceptedAt.Order().ToArray();
        if (ticks.Length < 10) return 0;
        var (from, to) = (ticks.Length / 10, ticks.Length * 9 / 10);
        return (to - from) / TimeSpan.FromTicks(ticks[to] - ticks[from]).TotalSeconds;
    }

    /// <summary>Forgets what was delivered, for the next run.</summary>
    public void Reset()
    {
        _deliveries.Clear();
        _acceptedAt.Clear();
        Interlocked.Exchange(ref _accepted, 0);
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _firstTicks, 0);
        Interlocked.Exchange(ref _lastTicks, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _bucket.Dispose();
    }
}
