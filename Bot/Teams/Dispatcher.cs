using System.Collections.Frozen;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Telemetry;
using Microsoft.Bot.Builder;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// The route table: every command, card button, dialog, messaging-extension command and install event the features
/// declared (see <see cref="Routes"/>), looked up by kind and key. For each activity it builds the <see cref="Turn"/>
/// (in the person's language, <see cref="ActivityLanguage"/>),
/// asks the <see cref="RoleGate"/>, and runs the route's handler; null when nothing is routed there. Each routed turn is
/// one telemetry span and one latency point (<see cref="TurnMetrics"/>).
/// </summary>
public sealed class Dispatcher
{
    private readonly FrozenDictionary<(RouteKind Kind, string Key), BotRoute> _table;
    private readonly IServiceProvider _services;
    private readonly RoleGate _gate;
    private readonly ActivityLanguage _language;
    private readonly ILogger<Dispatcher> _logger;
    private readonly TurnMetrics _turns;

    private readonly PrivateReplies _privately;

    public Dispatcher(IEnumerable<BotRoute> routes, IServiceProvider services, RoleGate gate, PrivateReplies privately, ActivityLanguage language,
        TurnMetrics turns, ILogger<Dispatcher> logger)
    {
        _turns = turns;
        _services = services;
        _gate = gate;
        _privately = privately;
        _language = language;
        _logger = logger;
        All = [.. routes];
        var table = new Dictionary<(RouteKind, string), BotRoute>();
        foreach (var route in All)
        {
            foreach (var key in route.Kind == RouteKind.Command ? CommandWords.All(route.Key) : [route.Key])
            {
                if (!table.TryAdd((route.Kind, key), route))
                {
                    throw new InvalidOperationException($"Two routes answer {route.Kind} '{key}': {table[(route.Kind, key)].Handler.Name} and {route.Handler.Name}.");
                }
            }
        }
        _table = table.ToFrozenDictionary();
    }

    /// <summary>Every route, in the order the features declared them.</summary>
    public IReadOnlyList<BotRoute> All { get; }

    public async Task<Reply?> RunAsync(ITurnContext context, RouteKind kind, string? key, JsonObject data, CancellationToken ct)
    {
        if (Find(kind, key) is not { } route) return null;
        var operation = Operation.Start($"turn {route.Kind} {route.Key}", TurnMetrics.Tags(route));
        try
        {
            var turn = new Turn(context, data, _logger, await _language.TextsAsync(context, ct));
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
            budget.CancelAfter(TransientFault.BudgetFor(kind));
            try
            {
                return await AnswerAsync(route, turn, operation, budget.Token);
            }
            catch (Exception e) when (TransientFault.Is(e, ct))
            {
                // One line, not the stack: during an outage every turn ends here.
                _logger.LogWarning("Storage or the connector failed during {Kind} '{Key}' ({Error}); answered with the fault reply.",
                    route.Kind, route.Key, e.GetBaseException().Message);
                operation.Outcome = "fault";
                return FaultReplies.For(route, turn, _services.GetServices<FormInputs>());
            }
        }
        finally
        {
            _turns.Record(route, operation.Outcome, operation.Finish());
        }
    }

    private async Task<Reply> AnswerAsync(BotRoute route, Turn turn, Operation operation, CancellationToken ct)
    {
        var refusal = await _gate.CheckAsync(turn, route.Access, ct);
        if (refusal is not null)
        {
            operation.Outcome = "refused";
            return Reply.Text(refusal);
        }
        var reply = await route.Run(_services, turn, ct);
        if (route.Private && PrivateReplies.IsShared(turn))
        {
            reply = Reply.Text(turn.T[await _privately.SendAsync(turn, reply, ct) ? "reply.sentPrivately" : "reply.notSentPrivately"]);
        }
        operation.Outcome = "answered";
        return reply;
    }

    private BotRoute? Find(RouteKind kind, string? key)
    {
        if (key is not null && _table.TryGetValue((kind, kind == RouteKind.Command ? CommandWords.Normalize(key) : key), out var route)) return route;
        // Teams names the manifest's search command; the Agents Playground names none. With one search, that is the one.
        var searches = All.Where(r => r.Kind == RouteKind.ExtensionQuery).Take(2).ToList();
        return kind == RouteKind.ExtensionQuery && searches.Count == 1 ? searches[0] : null;
    }

    /// <summary>What to answer when nothing is routed: "I did not understand that", in the person's language.</summary>
    public async Task<Reply> UnknownAsync(ITurnContext context, CancellationToken ct) => Reply.Text((await _language.TextsAsync(context, ct))["command.unknown"]);
}
