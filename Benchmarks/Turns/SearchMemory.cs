using System.Globalization;
using CareCompanion.Storage;
using CareCompanion.Storage.Ideas;
using CareCompanion.Tests.Support;

namespace CareCompanion.Benchmarks.Turns;

/// <summary>
/// The managed memory one team's search list holds: the summaries read from Table Storage as the search index reads
/// them (IdeaRepository.ListSummariesAsync, newest first), GC.GetTotalMemory after a full collection before and after.
/// </summary>
public sealed record SearchMemory(int Ideas, long Bytes, double AverageTextCharacters)
{
    public static async Task<SearchMemory> MeasureAsync(Tables tables, TeamsActivities team, int ideas)
    {
        var repository = new IdeaRepository(tables);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        IReadOnlyList<IdeaSummary> list = [.. (await repository.ListSummariesAsync(team.TenantId, team.TeamId)).OrderByDescending(i => i.CreatedAt)];
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var text = list.Average(i => (double)i.Title.Length + i.Description.Length);
        GC.KeepAlive(list);
        return new SearchMemory(list.Count, after - before, text);
    }

    public double BytesPer100k => Bytes * 100_000.0 / Ideas;

    public string Report() => string.Create(CultureInfo.InvariantCulture, $"""
        # Search index memory

        Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}. Command: `./Benchmarks/run-turns.sh` (its last step).

        One team's {Ideas:N0} idea summaries read from Azurite as the search index reads them, newest first;
        GC.GetTotalMemory after a full collection, before and after: **{Bytes / 1048576.0:F1} MB, {BytesPer100k / 1048576.0:F1} MB per 100,000 ideas**
        ({Bytes / (double)Ideas:F0} bytes per idea, title and description {AverageTextCharacters:F0} characters on average).
        Each further character of title or description adds 2 bytes per idea (UTF-16): ideas with 400 characters of text
        take about {(Bytes / (double)Ideas + 2 * (400 - AverageTextCharacters)) * 100_000 / 1048576.0:F0} MB per 100,000.

        The cap, `IdeaSearch:MaxIdeas` (default 500,000 ideas, about {BytesPer100k * 5 / 1048576.0:F0} MB at this size), bounds it: past it the teams
        searched least recently leave memory and are read again at their next search.
        """);
}
