using System.Collections.Concurrent;
using CareCompanion.Storage.Ideas;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// The teams' idea summaries, newest first, kept in memory for the messaging-extension search, which Teams calls on every keystroke.
/// Table Storage cannot search text, so a search reads the team's whole partition (a round trip per 1,000 ideas): here
/// that read happens at most once per team every <see cref="FreshFor"/>, in the background, while searches are served
/// from the last read. An idea changed through this instance makes the next search read its team again; other instances' changes show
/// within <see cref="FreshFor"/>. Only the first search of a team after start-up waits for the read.
/// </summary>
public sealed class IdeaSearchIndex
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _teams = new();
    private readonly IdeaRepository _ideas;
    private readonly TimeProvider _clock;

    public IdeaSearchIndex(IdeaRepository ideas, TimeProvider clock)
    {
        _ideas = ideas;
        _clock = clock;
        ideas.TeamChanged += Changed;
    }

    private sealed record Entry(Task<IReadOnlyList<IdeaSummary>> Load, DateTimeOffset LoadedAt, Entry? Previous);

    public async Task<IReadOnlyList<IdeaSummary>> GetAsync(string tenantId, string teamId, CancellationToken ct)
    {
        var key = tenantId + "|" + teamId;
        var now = _clock.GetUtcNow();
        var entry = _teams.GetOrAdd(key, _ => new Entry(NewestFirstAsync(tenantId, teamId), now, null));
        if (now - entry.LoadedAt > FreshFor && entry.Load.IsCompleted)
        {
            var refresh = new Entry(NewestFirstAsync(tenantId, teamId), now, entry);
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

    private async Task<IReadOnlyList<IdeaSummary>> NewestFirstAsync(string tenantId, string teamId) =>
        [.. (await _ideas.ListSummariesAsync(tenantId, teamId, CancellationToken.None)).OrderByDescending(i => i.CreatedAt)];

    /// <summary>An idea of the team changed through this instance: the next search reads the team again, and waits for it.</summary>
    private void Changed(string tenantId, string teamId) => _teams.TryRemove(tenantId + "|" + teamId, out _);
}
