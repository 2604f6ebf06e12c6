using System.Text.Json.Nodes;
using CareCompanion.Storage;
using CareCompanion.Tests.Support;

namespace CareCompanion.Benchmarks.Turns;

/// <summary>
/// Search over many teams with the search's memory capped below what they hold together (IdeaSearch:MaxIdeas), so the
/// least recently searched teams leave memory and are read again: 16 users each search a random one of the teams.
/// </summary>
public static class CappedSearch
{
    public const int Teams = 10;
    public const int IdeasPerTeam = 2_000;
    public const int Cap = 16_000;

    public sealed record Outcome(Result Result, int Cap, int Teams, int IdeasPerTeam);

    public static async Task<Outcome> RunAsync(Tables tables, string serviceUrl, string storage, string prefix, string careDll, HttpClient http, int perUser)
    {
        var teams = Enumerable.Range(0, Teams).Select(_ => new TeamsActivities(serviceUrl)).ToList();
        foreach (var team in teams)
        {
            var seed = new Seed(tables, team, serviceUrl);
            await seed.TeamAsync();
            await seed.IdeasAsync(IdeasPerTeam);
        }
        await using var care = await Bots.StartAsync(careDll, storage, prefix,
            new Dictionary<string, string> { ["IdeaSearch__MaxIdeas"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        JsonObject Search(int i) => teams[Math.Abs(i / 1000) % Teams].ChannelInvoke("composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchIdeas",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchText", ["value"] = $"overlapp {Math.Abs(i) % 1000}" }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        }, $"user-{Math.Abs(i) % 500}");
        await Load.RunAsync(http, care.MessagesUrl, Search, users: 4, perUser: 3); // warm-up: the first reads
        var before = await care.CountersAsync(http);
        var run = await Load.RunAsync(http, care.MessagesUrl, Search, users: 16, perUser);
        var (operations, allocated) = (await care.CountersAsync(http)).PerTurnSince(before, run.Latencies.Count);
        return new Outcome(new Result("CareCompanion", "search, capped", 16, Teams * IdeasPerTeam, run, operations, allocated), Cap, Teams, IdeasPerTeam);
    }
}
