using System.Collections.Concurrent;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using Microsoft.Extensions.Options;

namespace CareCompanion.Bot.Limits;

/// <summary>
/// Slows one person who sends in a loop (ideas, comments, check-ins: each call stores something) without slowing the bot
/// or their colleagues: a sliding window per kind, tenant and person. Counted in this instance's memory, so with two
/// instances behind the load balancer a person can send up to twice the limit in a window, and a restart forgets.
/// The library's limiters (System.Threading.RateLimiting) read the time from Stopwatch, not a TimeProvider
/// (dotnet/runtime#106447), so the window could not follow the bot's clock; this one does.
/// </summary>
public sealed class PersonLimits : IDisposable
{
    private readonly ConcurrentDictionary<(LimitKind Kind, string Tenant, string Person), Sent> _people = new();
    private readonly IOptions<PersonLimitOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ITimer _sweeper;

    public PersonLimits(IOptions<PersonLimitOptions> options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        // Once per longest window: a person is forgotten at most two windows after they last sent, even if nobody sends again.
        var longest = new[] { options.Value.Ideas.Window, options.Value.Comments.Window, options.Value.CheckIns.Window, TimeSpan.FromMinutes(1) }.Max();
        _sweeper = clock.CreateTimer(_ => Sweep(), null, longest, longest);
    }

    public void Dispose() => _sweeper.Dispose();

    /// <summary>
    /// Counts this turn and returns null, or (over the limit) how long until the person may send again, counting nothing.
    /// The same activity delivered twice by Teams counts once.
    /// </summary>
    public TimeSpan? Take(LimitKind kind, Turn turn)
    {
        var limit = Of(kind);
        if (limit.Count <= 0 || limit.Window <= TimeSpan.Zero) return null;
        var now = _clock.GetUtcNow();
        var key = (kind, turn.TenantId ?? "", turn.PersonId ?? turn.UserId ?? "");
        while (true)
        {
            var sent = _people.GetOrAdd(key, _ => new Sent());
            lock (sent)
            {
                if (sent.Retired) continue; // swept away meanwhile: count in the fresh one
                return sent.Take(now, turn.ActivityId, limit);
            }
        }
    }

    /// <summary>A refusal for a card button: the card stays as it is, with what the person typed, and says when to send again.</summary>
    public Reply? Refusal(LimitKind kind, Turn turn) => Take(kind, turn) is { } wait ? Reply.Error(Explain(wait, turn.T)) : null;

    /// <summary>"Du kan sende igjen om 4 minutter." in the person's language.</summary>
    public static string Explain(TimeSpan wait, Texts t) => t.Format("limit.wait", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)));

    private PersonLimit Of(LimitKind kind) => kind switch
    {
        LimitKind.Ideas => _options.Value.Ideas,
        LimitKind.Comments => _options.Value.Comments,
        _ => _options.Value.CheckIns,
    };

    /// <summary>Forgets the people whose window has passed, so memory holds recent senders only.</summary>
    private void Sweep()
    {
        var now = _clock.GetUtcNow();
        foreach (var (key, sent) in _people)
        {
            lock (sent)
            {
                if (!sent.IsIdle(now, Of(key.Kind).Window)) continue;
                sent.Retired = true;
                _people.TryRemove(key, out _);
            }
        }
    }

    private sealed class Sent
    {
        private readonly Queue<(DateTimeOffset At, string ActivityId)> _times = new();

        public bool Retired { get; set; }

        public TimeSpan? Take(DateTimeOffset now, string activityId, PersonLimit limit)
        {
            while (_times.Count > 0 && now - _times.Peek().At >= limit.Window) _times.Dequeue();
            if (_times.Any(t => t.ActivityId == activityId)) return null;
            if (_times.Count >= limit.Count) return _times.Peek().At + limit.Window - now;
            _times.Enqueue((now, activityId));
            return null;
        }

        public bool IsIdle(DateTimeOffset now, TimeSpan window) => _times.Count == 0 || now - _times.Last().At >= window;
    }
}
