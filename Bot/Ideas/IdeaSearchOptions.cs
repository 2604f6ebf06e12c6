namespace CareCompanion.Bot.Ideas;

/// <summary>The search's memory (section "IdeaSearch").</summary>
public sealed class IdeaSearchOptions
{
    public const string Section = "IdeaSearch";

    /// <summary>
    /// Ideas kept in memory for search across all teams (0: no cap). The default, 500,000, is about 270 MB with ideas
    /// of the benchmark's size (570 bytes each, Benchmarks/results/search-memory.md), e.g. 10,000 teams of 50 ideas.
    /// </summary>
    public int MaxIdeas { get; set; } = 500_000;
}
