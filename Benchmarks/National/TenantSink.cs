using System.Collections.Concurrent;
using System.Diagnostics;

namespace CareCompanion.Benchmarks.National;

/// <summary>
/// A stand-in for the Teams connector of many tenants: each tenant has its own service URL path (<c>t/{tenant}/</c>)
/// and its own token bucket (<c>perTenant</c> per second, spent by every call: posts, roster pages, new chats), each
/// conversation one of 7 per second; over either, 429 with Retry-After: 1. Each team's roster lists <c>members</c>
/// people (<see cref="MemberOf"/>); a new personal chat is <c>a:</c> + the person's Entra id. Records when each
/// conversation got each message.
/// </summary>
public sealed class TenantSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly double _perTenant;
    private readonly int _members;
    private long _rosterReads;
    private long _chatsOpened;
    private readonly ConcurrentDictionary<string, Bucket> _tenants = new();
    private readonly ConcurrentDictionary<string, Bucket> _conversations = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<DateTimeOffset>> _deliveries = new();
    private long _throttled;

    private TenantSink(WebApplication app, double perTenant, int members) => (_app, _perTenant, _members) = (app, perTenant, members);

    public string BaseUrl { get; private set; } = "";
    public long Throttled => Interlocked.Read(ref _throttled);
    public int Distinct => _deliveries.Count;
    public long RosterReads => Interlocked.Read(ref _rosterReads);
    public long ChatsOpened => Interlocked.Read(ref _chatsOpened);

    /// <summary>The <paramref name="index"/>th person in a team's roster: Teams user id and Entra object id.</summary>
    public static (string UserId, string AadObjectId) MemberOf(string tenant, string teamId, int index)
    {
        var aad = $"{tenant}.{teamId}.m{index:D2}";
        return ("29:" + aad, aad);
    }

    public static string PersonalChatOf(string aadObjectId) => "a:" + aadObjectId;
    public int Duplicates => _deliveries.Values.Sum(v => v.Count - 1);
    /// <summary>Conversation key (tenant/conversation) → first delivery.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> FirstDeliveries => _deliveries.ToDictionary(d => d.Key, d => d.Value.Min());
    /// <summary>Conversation key → every delivery, in time order, of the conversations that got more than one.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset[]> Repeated =>
        _deliveries.Where(d => d.Value.Count > 1).ToDictionary(d => d.Key, d => d.Value.Order().ToArray());

    public string ServiceUrlOf(string tenant) => $"{BaseUrl}t/{tenant}/";

    public static async Task<TenantSink> StartAsync(double perTenant, int members)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new TenantSink(app, perTenant, members);
        app.MapGet("/t/{tenant}/v3/conversations/{teamId}/pagedmembers", (string tenant, string teamId, HttpContext context) =>
            sink.Roster(tenant, Uri.UnescapeDataString(teamId), context));
        app.MapPost("/t/{tenant}/v3/conversations", async (string tenant, HttpContext context) => await sink.OpenChatAsync(tenant, context));
        app.MapPost("/t/{tenant}/v3/conversations/{conversationId}/activities/{replyToId?}",
            (string tenant, string conversationId, HttpContext context) => sink.Receive(tenant, Uri.UnescapeDataString(conversationId), context));
        await app.StartAsync();
        sink.BaseUrl = app.Urls.First() + "/";
        return sink;
    }

    /// <summary>The whole roster in one page (15 people fit any page size).</summary>
    private IResult Roster(string tenant, string teamId, HttpContext context)
    {
        if (!TenantAllows(tenant, context)) return Results.StatusCode(429);
        Interlocked.Increment(ref _rosterReads);
        var members = Enumerable.Range(0, _members).Select(i => MemberOf(tenant, teamId, i))
            .Select(m => new { id = m.UserId, name = "Medlem", aadObjectId = m.AadObjectId }).ToArray();
        return Results.Json(new { continuationToken = (string?)null, members });
    }

    private async Task<IResult> OpenChatAsync(string tenant, HttpContext context)
    {
        var body = await System.Text.Json.Nodes.JsonNode.ParseAsync(context.Request.Body);
        if (!TenantAllows(tenant, context)) return Results.StatusCode(429);
        Interlocked.Increment(ref _chatsOpened);
        var aad = body?["members"]?[0]?["aadObjectId"]?.GetValue<string>() ?? "";
        return Results.Json(new { id = PersonalChatOf(aad) }, statusCode: 201);
    }

    private bool TenantAllows(string tenant, HttpContext context)
    {
        if (_tenants.GetOrAdd(tenant, _ => new Bucket(_perTenant)).TryTake()) return true;
        Interlocked.Increment(ref _throttled);
        context.Response.Headers.RetryAfter = "1";
        return false;
    }

    private IResult Receive(string tenant, string conversationId, HttpContext context)
    {
        var tenantBucket = _tenants.GetOrAdd(tenant, _ => new Bucket(_perTenant));
        var conversationBucket = _conversations.GetOrAdd(tenant + "/" + conversationId, _ => new Bucket(7));
        if (!tenantBucket.TryTake() || !conversationBucket.TryTake())
        {
            Interlocked.Increment(ref _throttled);
            context.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(429);
        }
        _deliveries.GetOrAdd(tenant + "/" + conversationId, _ => []).Add(DateTimeOffset.UtcNow);
        return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
    }

    /// <summary>
    /// A token bucket filled as it is asked (a second's worth at most). The runtime's TokenBucketRateLimiter refills
    /// on a timer each: with one per conversation, 10,000 timers firing 7 times a second took 40 % of a core here.
    /// </summary>
    private sealed class Bucket(double rate)
    {
        private readonly double _perSecond = rate;
        private double _tokens = rate;
        private long _at = Stopwatch.GetTimestamp();

        public bool TryTake()
        {
            lock (this)
            {
                var now = Stopwatch.GetTimestamp();
                _tokens = Math.Min(_perSecond, _tokens + Stopwatch.GetElapsedTime(_at, now).TotalSeconds * _perSecond);
                _at = now;
                if (_tokens < 1) return false;
                _tokens--;
                return true;
            }
        }
    }

    public void Reset()
    {
        _deliveries.Clear();
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _rosterReads, 0);
        Interlocked.Exchange(ref _chatsOpened, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
