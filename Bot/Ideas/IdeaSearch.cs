using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Ideas;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// The messaging extension's "Søk idéer" / "Search ideas": the ideas of the caller's teams (one partition query per
/// team, reading only the summary columns, kept by <see cref="IdeaSearchIndex"/>), matched word by word against title, description, status and category in the caller's language, newest
/// first. The chosen idea is inserted as a read-only card.
/// </summary>
public sealed class IdeaSearch(IdeaSearchIndex index, IdeaTeams teams, TimeProvider clock, IEnumerable<ISearchSource> more)
{
    public const string CommandId = "searchIdeas";
    public const int PageSize = 25;
    public static readonly TimeSpan FirstReadPatience = TimeSpan.FromSeconds(3.5);

    public async Task<Reply> QueryAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var query = turn.Payload<SearchQuery>() ?? new SearchQuery();
        var words = (query.Query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var skip = Math.Max(0, query.Skip ?? 0);
        var take = Math.Clamp(query.Count ?? PageSize, 1, PageSize);
        var matchers = words.Select(word => Matcher.For(word, t)).ToList();
        var mine = await teams.OfCallerAsync(turn, ct);
        IReadOnlyList<IdeaSummary>[] lists;
        try
        {
            lists = await Task.WhenAll(mine.Select(team => index.GetAsync(turn.TenantId!, team.TeamId, ct))).WaitAsync(FirstReadPatience, clock, ct);
        }
        catch (TimeoutException)
        {
            // Only the first search of a large team after start-up waits this long (100,000 ideas: about 6 s): a
            // clear "try again" rather than Teams' own error after its 5 s. The read goes on in the background.
            return Reply.Text(t["idea.search.warming"]);
        }
        // Each team's list is newest first, so the page's ideas are among each team's first skip + take matches:
        // a search stops there instead of matching every idea of a large team.
        var found = lists.SelectMany(list => list.Where(idea => matchers.All(m => m.Matches(idea))).Take(skip + take));
        var ideas = found.OrderByDescending(i => i.CreatedAt).Skip(skip).Take(take).Select(idea => Result(idea, t)).ToList();
        // The other sources answer on the first page only: they are small (practice cards), and paging stays the ideas'.
        var others = skip > 0 ? [] : (await Task.WhenAll(more.Select(source => source.FindAsync(turn, words, ct)))).SelectMany(r => r);
        return Reply.Search([.. ideas, .. others]);
    }

    /// <summary>What the edge passes on of a messaging-extension search: the words typed, and which page.</summary>
    private sealed record SearchQuery(string? Query = null, int? Skip = null, int? Count = null);

    /// <summary>
    /// One search word: found in the title or description (ordinal, ignoring case: fast over thousands of ideas), or
    /// naming a status or category in the reader's language (worked out once per search, not per idea).
    /// </summary>
    private sealed record Matcher(string Word, HashSet<string> Statuses, HashSet<string> Categories)
    {
        public static Matcher For(string word, Texts t) => new(word,
            [.. IdeaStatus.All.Where(s => t[$"idea.status.{s}"].Contains(word, StringComparison.OrdinalIgnoreCase))],
            [.. IdeaCategory.All.Where(c => t[$"idea.category.{c}"].Contains(word, StringComparison.OrdinalIgnoreCase))]);

        public bool Matches(IdeaSummary idea) =>
            Statuses.Contains(idea.Status) || Categories.Contains(idea.Category)
            || idea.Title.Contains(Word, StringComparison.OrdinalIgnoreCase) || idea.Description.Contains(Word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The card to insert, with the title and line the result list shows.</summary>
    private static SearchResult Result(IdeaSummary idea, Texts t) => new(
        IdeaCards.Idea(IdeaViews.Of(idea), t.Language, withActions: false),
        idea.Title,
        $"{t[$"idea.status.{idea.Status}"]} · {t[$"idea.category.{idea.Category}"]} · {idea.TeamName}");
}
