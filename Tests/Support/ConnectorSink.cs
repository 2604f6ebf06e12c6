using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CareCompanion.Tests.Support;

/// <summary>One activity the bot sent to the connector, and the status the sink answered.</summary>
public sealed record SentActivity(string Method, string ConversationId, JsonObject Activity, int Status, DateTimeOffset At)
{
    public string? Text => Activity["text"]?.GetValue<string>();

    /// <summary>The Adaptive Card content of the first attachment, if any.</summary>
    public JsonObject? Card => Activity["attachments"] is JsonArray { Count: > 0 } attachments ? attachments[0]?["content"] as JsonObject : null;

    /// <summary>All text in the card (TextBlocks, labels, action titles), for "what does the user see" assertions.</summary>
    public string CardText => Card is null ? "" : CardContent.Text(Card);
}

public static partial class CardContent
{
    /// <summary>
    /// All text a person sees in a card: TextBlocks, RichTextBlocks (their runs as one line), labels, choices, action
    /// titles; without the invisible bidi isolates around people's text in our sentences.
    /// </summary>
    public static string Text(JsonNode card) => Invisible().Replace(string.Join("\n", CardTexts(card)), "");

    [GeneratedRegex("[\u2066-\u2069]")]
    private static partial Regex Invisible();

    /// <summary>What an Action.Execute invoke answered: the message text, or the text of the card that replaces the clicked one.</summary>
    public static string InvokeReply(JsonObject response) => response["value"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonNode card => Text(card),
        _ => "",
    };

    private static IEnumerable<string> CardTexts(JsonNode node) => node switch
    {
        JsonObject o when o["type"] is JsonValue type && type.TryGetValue<string>(out var t) && t == "RichTextBlock" =>
            [string.Concat(o["inlines"]?.AsArray().Select(run => run?["text"]?.GetValue<string>()) ?? [])],
        JsonObject o => o.SelectMany(p =>
            p.Key is "text" or "title" or "label" && p.Value is JsonValue v && v.TryGetValue<string>(out var s)
                ? [s]
                : p.Value is null ? [] : CardTexts(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : CardTexts(n)),
        _ => [],
    };
}

/// <summary>
/// A local stand-in for the Bot Framework connector (the Teams service URL): records what the bot sends, so tests
/// can assert on it. Only the routes the bot uses are served.
/// </summary>
public sealed class ConnectorSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SentActivity> _sent = new();

    private ConnectorSink(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Activities the sink accepted (2xx).</summary>
    public IReadOnlyList<SentActivity> Sent => [.. _sent.Where(s => s.Status < 300)];

    /// <summary>Every request, refused ones (429, 403, …) included.</summary>
    public IReadOnlyList<SentActivity> Attempts => [.. _sent];

    public IReadOnlyList<SentActivity> SentTo(string conversationId) =>
        [.. Sent.Where(s => s.ConversationId == conversationId)];

    public IReadOnlyList<SentActivity> AttemptsTo(string conversationId) =>
        [.. _sent.Where(s => s.ConversationId == conversationId)];

    /// <summary>
    /// Lets a test refuse requests: given the conversation and how many requests it had before, return a status
    /// and an optional Retry-After in seconds, or null to accept.
    /// </summary>
    public Func<string, int, (int Status, int? RetryAfterSeconds)?>? Refuse { get; set; }

    /// <summary>Awaited after a post has arrived (recorded) and before Teams answers it: a test's moment "mid-send".</summary>
    public Func<string, Task>? BeforeAnswer { get; set; }

    public static async Task<ConnectorSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new ConnectorSink(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest r) => sink.Record("POST", conversationId, r));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpRequest r) => sink.Record("POST", conversationId, r));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpRequest r) => sink.Record("PUT", conversationId, r));
        app.MapPost("/v3/conversations", async (HttpRequest r) => await sink.CreateConversation(r));
        app.MapGet("/v3/conversations/{teamId}/members/{userId}", async (string teamId, string userId, HttpContext http) =>
            await sink.RosterFaultAsync(http) ?? (sink._members.TryGetValue((Uri.UnescapeDataString(teamId), Uri.UnescapeDataString(userId)), out var member)
                ? Results.Json(member)
                : Results.Json(new { error = new { code = "MemberNotFoundInConversation", message = "not a member" } }, statusCode: 404)));
        app.MapGet("/v3/conversations/{teamId}/pagedmembers", async (string teamId, int? pageSize, string? continuationToken, HttpContext http) =>
        {
            if (await sink.RosterFaultAsync(http) is { } fault) return fault;
            // Pages in user id order, as Teams pages its roster: the token is where the next page starts.
            var all = sink._members.Where(m => m.Key.Team == Uri.UnescapeDataString(teamId)).OrderBy(m => m.Key.User, StringComparer.Ordinal).Select(m => m.Value).ToList();
            var start = int.TryParse(continuationToken, out var from) ? from : 0;
            var size = pageSize ?? 200;
            return Results.Json(new
            {
                continuationToken = start + size < all.Count ? (start + size).ToString() : null,
                members = all.Skip(start).Take(size).ToArray(),
            });
        });
        await app.StartAsync();
        sink.ServiceUrl = app.Urls.First() + "/";
        return sink;
    }

    private readonly ConcurrentDictionary<(string Team, string User), Member> _members = new();

    /// <summary>Roster reads (one member, the paged roster) answer this status instead, e.g. 500.</summary>
    public int? RosterStatus { get; set; }

    /// <summary>Roster reads never answer, until the bot gives up on them.</summary>
    public bool RosterHangs { get; set; }

    /// <summary>How many roster reads the bot made.</summary>
    public int RosterReads => _rosterReads;

    private int _rosterReads;

    private async Task<IResult?> RosterFaultAsync(HttpContext http)
    {
        Interlocked.Increment(ref _rosterReads);
        if (RosterHangs)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }
        return RosterStatus is { } status ? Results.Json(new { error = new { code = "ServiceError", message = "failed by test" } }, statusCode: status) : null;
    }

    private sealed record Member(string id, string name, string aadObjectId);

    /// <summary>Makes a person a member of a team in the roster the sink serves (Entra id: the user id without "29:", unless given).</summary>
    public void AddMember(string teamId, string userId, string? aadObjectId = null, string name = "Medlem") =>
        _members[(teamId, userId)] = new Member(userId, name, aadObjectId ?? userId.Replace("29:", ""));

    /// <summary>Takes a person out of the team's roster, as Teams does when they leave (the test decides whether the bot hears of it).</summary>
    public void RemoveMember(string teamId, string userId) => _members.TryRemove((teamId, userId), out _);

    /// <summary>Personal chats the bot opened (create-conversation): the member's user id, and the new conversation id.</summary>
    public IReadOnlyDictionary<string, string> CreatedChats => _created;

    private readonly ConcurrentDictionary<string, string> _created = new();

    private async Task<IResult> CreateConversation(HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        var member = body?["members"]?[0]?["id"]?.GetValue<string>() ?? "";
        var id = _created.GetOrAdd(member, _ => "a:created-" + Guid.NewGuid().ToString("N"));
        return Results.Json(new { id }, statusCode: 201);
    }

    private async Task<IResult> Record(string method, string conversationId, HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
        var conversation = Uri.UnescapeDataString(conversationId);
        var refusal = Refuse?.Invoke(conversation, AttemptsTo(conversation).Count);
        _sent.Enqueue(new SentActivity(method, conversation, body, refusal?.Status ?? 201, DateTimeOffset.UtcNow));
        if (BeforeAnswer is { } holding) await holding(conversation);
        if (refusal is { } r)
        {
            if (r.RetryAfterSeconds is { } seconds) request.HttpContext.Response.Headers.RetryAfter = seconds.ToString();
            return Results.Json(new { error = new { code = "Refused", message = "refused by test" } }, statusCode: r.Status);
        }
        return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
