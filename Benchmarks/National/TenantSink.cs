using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace CareCompanion.Benchmarks.National;

/// <summary>
/// A stand-in for the Teams connector of many tenants: each tenant has its own service URL path (<c>t/{tenant}/</c>)
/// and its own token bucket (<c>perTenant</c> per second), each conversation one of 7 per second; over either, 429 with
/// Retry-After: 1. Records when each conversation got each message.
/// </summary>
public sealed class TenantSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly double _perTenant;
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _tenants = new();
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _conversations = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<DateTimeOffset>> _deliveries = new();
    private long _throttled;

    private TenantSink(WebApplication app, double perTenant) => (_app, _perTenant) = (app, perTenant);

    public string BaseUrl { get; private set; } = "";
    public long Throttled => Interlocked.Read(ref _throttled);
    public int Distinct => _deliveries.Count;
    public int Duplicates => _deliveries.Values.Sum(v => v.Count - 1);
    /// <summary>Conversation key (tenant/conversation) → first delivery.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> FirstDeliveries => _deliveries.ToDictionary(d => d.Key, d => d.Value.Min());
    /// <summary>Conversation key → every delivery, in time order, of the conversations that got more than one.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset[]> Repeated =>
        _deliveries.Where(d => d.Value.Count > 1).ToDictionary(d => d.Key, d => d.Value.Order().ToArray());

    public string ServiceUrlOf(string tenant) => $"{BaseUrl}t/{tenant}/";

    public static async Task<TenantSink> StartAsync(double perTenant)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new TenantSink(app, perTenant);
        app.MapPost("/t/{tenant}/v3/conversations/{conversationId}/activities/{replyToId?}",
            (string tenant, string conversationId, HttpContext context) => sink.Receive(tenant, Uri.UnescapeDataString(conversationId), context));
        await app.StartAsync();
        sink.BaseUrl = app.Urls.First() + "/";
        return sink;
    }

    private IResult Receive(string tenant, string conversationId, HttpContext context)
    {
        var tenantBucket = _tenants.GetOrAdd(tenant, _ => Bucket(_perTenant));
        var conversationBucket = _conversations.GetOrAdd(tenant + "/" + conversationId, _ => Bucket(7));
        using var tenantLease = tenantBucket.AttemptAcquire();
        using var conversationLease = tenantLease.IsAcquired ? conversationBucket.AttemptAcquire() : null;
        if (conversationLease is not { IsAcquired: true })
        {
            Interlocked.Increment(ref _throttled);
            context.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(429);
        }
        _deliveries.GetOrAdd(tenant + "/" + conversationId, _ => []).Add(DateTimeOffset.UtcNow);
        return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
    }

    private static TokenBucketRateLimiter Bucket(double rate)
    {
        var perTick = Math.Max(1, (int)(rate / 10));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = (int)rate, TokensPerPeriod = perTick, ReplenishmentPeriod = TimeSpan.FromSeconds(perTick / rate), QueueLimit = 0,
        });
    }

    public void Reset()
    {
        _deliveries.Clear();
        Interlocked.Exchange(ref _throttled, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
