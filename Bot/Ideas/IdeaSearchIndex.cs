using System.Collections.Concurrent;
using CareCompanion.Storage.Ideas;
using Microsoft.Extensions.Options;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// The teams' idea summaries, newest first, kept in memory for the messaging-extension search, which Teams calls on every keystroke.
/// Table Storage cannot search text, so a search reads the team's whole partition (a round trip per 1,000 ideas): here
/// that read happens at most once per team every <see cref="FreshFor"/>, in the background, while searches are served
/// from the last read. An idea stored or changed through this instance is put into the list at once (no read); other
/// instances' changes show within <see cref="FreshFor"/>. Only the first search of a team after start-up waits for the read.
/// The lists hold at most <see cref="IdeaSearchOptions.MaxIdeas"/> ideas together: past that, the teams searched least
/// recently leave memory, and their next search reads them again (Benchmarks/results/search-memory.md: the bytes per idea).
/// </summary>
public sealed class IdeaSearchIndex
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _teams = new();
    private readonly ConcurrentDictionary<string, long> _lastSearched = new();
    private readonly Lock _trimming = new();
    private readonly IdeaRepository _ideas;
    private readonly TimeProvider _clock;
    private readonly int _maxIdeas;
    private long _searches;

    public IdeaSearchIndex(IdeaRepository ideas, IOptions<IdeaSearchOptions> options, TimeProvider clock)
    {
        _ideas = ideas;
        _clock = clock;
        _maxIdeas = options.Value.MaxIdeas;
        ideas.IdeaStored += Stored;
    }

    private sealed record Entry(Task<IReadOnlyList<IdeaSummary>> Load, DateTimeOffset LoadedAt, Entry? Previous);

    public async Task<IReadOnlyList<IdeaSummary>> GetAsync(string tenantId, string teamId, CancellationToken ct)
    {
        var key = tenantId + "|" + teamId;
        var now = _clock.GetUtcNow();
        _lastSearched[key] = Interlocked.Increment(ref _searches); // an order, not a time: the clock may stand still
        var entry = _teams.GetOrAdd(key, _ => new Entry(NewestFirstAsync(tenantId, teamId), now, null));
        if (now - entry.LoadedAt > FreshFor && entry.Load.IsCompleted)
        {
            var refresh = new Entry(NewestFirstAsync(tenantId, teamId), now, entry with { Previous = null }); // one list back, not a chain
            entry = _teams.TryUpdate(key, refresh, entry) ? refresh : _teams[key];
        }
        // While a refresh is under way, the previous read answers (a failed refresh is retried by the next search).
        if (!entry.Load.IsCompleted && entry.Previous is { Load.IsCompletedSuccessfully: true } previous) return previous.Load.Result;
        try
        {
            return await entry.Load.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            _teams.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            throw;
        }
    }

    private async Task<IReadOnlyList<IdeaSummary>> NewestFirstAsync(string tenantId, string teamId)
    {
        IReadOnlyList<IdeaSummary> list = [.. (await _ideas.ListSummariesAsync(tenantId, teamId, CancellationToken.None)).OrderByDescending(i => i.CreatedAt)];
        Trim(keep: tenantId + "|" + teamId, list.Count);
        return list;
    }

    /// <summary>
    /// Lets the least recently searched teams go until the lists hold at most the cap, counting <paramref name="reading"/>
    /// ideas for the team just read (whose entry is not complete yet). That team stays even when it alone is over the cap.
    /// </summary>
    private void Trim(string keep, int reading)
    {
        if (_maxIdeas <= 0) return;
        lock (_trimming)
        {
            var held = _teams.Where(t => t.Key != keep).Select(t => (t.Key, Count: Held(t.Value))).ToList();
            var total = reading + held.Sum(t => t.Count);
            foreach (var (key, count) in held.OrderBy(t => _lastSearched.GetValueOrDefault(t.Key)))
            {
                if (total <= _maxIdeas) break;
                _teams.TryRemove(key, out _);
                _lastSearched.TryRemove(key, out _);
                total -= count;
            }
        }
    }

    private static int Held(Entry entry) =>
        (entry.Load.IsCompletedSuccessfully ? entry.Load.Result.Count : 0) + (entry.Previous is { } previous ? Held(previous) : 0);

    /// <summary>
    /// Puts an idea stored through this instance into its team's list in place (newest first), so the person who just
    /// sent or answered it finds it at once, without the team being read again.
    /// </summary>
    private void Stored(IdeaSummary idea)
    {
        var key = idea.TenantId + "|" + idea.TeamId;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            if (!_teams.TryGetValue(key, out var entry)) return; // not read yet: the first search reads it, with this idea
            Entry? updated = entry switch
            {
                { Load.IsCompletedSuccessfully: true } => entry with { Load = Task.FromResult(With(entry.Load.Result, idea)), Previous = null },
                // A read under way may have started before the idea was stored: read again, and answer from the last read with it.
                { Previous: { Load.IsCompletedSuccessfully: true } previous } => new Entry(NewestFirstAsync(idea.TenantId, idea.TeamId), _clock.GetUtcNow(),
                    previous with { Load = Task.FromResult(With(previous.Load.Result, idea)), Previous = null }),
                _ => null,
            };
            if (updated is null) break;
            if (_teams.TryUpdate(key, updated, entry)) return;
        }
        _teams.TryRemove(key, out _);
    }

    private static IReadOnlyList<IdeaSummary> With(IReadOnlyList<IdeaSummary> newestFirst, IdeaSummary idea)
    {
        var list = newestFirst.Where(i => i.IdeaId != idea.IdeaId).ToList();
        var at = list.FindIndex(i => i.CreatedAt <= idea.CreatedAt);
        list.Insert(at < 0 ? list.Count : at, idea);
        return list;
    }
}
