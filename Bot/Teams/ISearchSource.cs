namespace CareCompanion.Bot.Teams;

/// <summary>
/// More results for the messaging extension's one search (ideas first): a feature that has cards worth finding adds a
/// source instead of a second search command. Gets the words typed; returns what this reader may see.
/// </summary>
public interface ISearchSource
{
    Task<IReadOnlyList<SearchResult>> FindAsync(Turn turn, IReadOnlyList<string> words, CancellationToken ct);
}
