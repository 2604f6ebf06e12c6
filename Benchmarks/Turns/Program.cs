// Turn benchmark (issue 10): CareCompanion against a bare Bot Framework echo bot (the floor), both Release builds in
// their own processes on one Azurite, driven from this process over loopback by N concurrent simulated users.
// Per activity kind and concurrency: throughput, p50/p95/p99 latency, the ratio to the echo bot, errors, and Table
// Storage round trips per activity (counted in the bot by an Azure SDK pipeline policy) and bytes allocated per turn
// (GC.GetTotalAllocatedBytes, background included), both read from /metrics.
// A second floor (issue 17): the same echo bot upserting one Table entity per turn, the least a storing turn can do.
// Then the messaging-extension search alone over larger teams, and over many teams with the search's memory capped so
// that teams are read again; and the memory the search's lists take per 100,000 ideas.
// Writes Benchmarks/results/turns.md and Benchmarks/results/search-memory.md.
// Usage: dotnet run -c Release --project Benchmarks/Turns -- [--users 1,16,64] [--requests 25] [--ideas 10000,100000]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CareCompanion.Benchmarks.Turns;
using CareCompanion.Storage;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Pulse;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.Options;

var levels = ListArg("--users", [1, 16, 64]);
var perUser = ListArg("--requests", [25])[0];
var ideaCounts = ListArg("--ideas", [10_000, 100_000]);

await using var azurite = await AzuriteServer.StartAsync();
await using var sink = await ConnectorSink.StartAsync();
var prefix = "turns" + Guid.NewGuid().ToString("N")[..8];
var storage = Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix });
var tables = new Tables(storage);
await tables.CreateAllAsync(default);
var teams = new TeamsActivities(sink.ServiceUrl);
var seed = new Seed(tables, teams, sink.ServiceUrl);
await seed.TeamAsync();
await seed.IdeasAsync(ideaCounts[0]);

// The floor under any activity that stores something: one Azurite round trip from another process, nothing else running.
var roundTrip = new List<double>();
var probe = tables.Get(TableNames.PulseRounds);
for (var i = 0; i < 200; i++)
{
    var watch = Stopwatch.StartNew();
    await probe.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("probe", $"row-{i}");
    roundTrip.Add(watch.Elapsed.TotalMilliseconds);
}
var storageFloor = new Run(roundTrip, 0, 1).Percentile(0.5);

var careDll = Path.Combine("Bot", "bin", "Release", "net10.0", "CareCompanion.Bot.dll");
var care = await Bots.StartAsync(careDll, azurite.ConnectionString, prefix);
var echoDll = Path.Combine("Benchmarks", "EchoBot", "bin", "Release", "net10.0", "CareCompanion.Benchmarks.EchoBot.dll");
var echo = await Bots.StartAsync(echoDll, null, null);
var storingEcho = await Bots.StartAsync(echoDll, null, null,
    new Dictionary<string, string> { ["Echo__StorageConnectionString"] = azurite.ConnectionString, ["Echo__TablePrefix"] = prefix });
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };

var kinds = new Dictionary<string, Func<int, JsonObject>>
{
    ["help"] = i => teams.PersonalMessage("hjelp"),
    ["pulse answer"] = i => teams.ChannelCardAction("pulse.answer",
        new JsonObject { ["round"] = Seed.RoundId, ["team"] = teams.TeamId, ["value"] = 1 + i % 5 }, $"user-{i % 500}"),
    // Each idea from its own person: one person sending hundreds a minute is slowed by the per-person limit (issue 17).
    ["idea submit"] = i => teams.ChannelCardAction("idea.submit", new JsonObject
    {
        ["team"] = teams.TeamId, ["title"] = $"Benchmark-idé {i}", ["description"] = "Kort beskrivelse.", ["category"] = "workflow", ["anonymous"] = "false",
    }, $"user-{i}"),
    ["search"] = i => teams.ChannelInvoke("composeExtension/query", new JsonObject
    {
        ["commandId"] = "searchIdeas",
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchText", ["value"] = $"overlapp {i % 1000}" }),
        ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
    }, $"user-{i % 500}"),
};

var results = new List<Result>();
foreach (var users in levels)
{
    foreach (var (kind, activity) in kinds)
    {
        foreach (var (name, bot) in new[] { ("CareCompanion", care), ("echo", echo), ("storing echo", storingEcho) })
        {
            await Load.RunAsync(http, bot.MessagesUrl, activity, users: 4, perUser: 3); // warm-up
            var before = await bot.CountersAsync(http);
            var run = await Load.RunAsync(http, bot.MessagesUrl, activity, users, perUser);
            var (operations, allocated) = (await bot.CountersAsync(http)).PerTurnSince(before, run.Latencies.Count);
            results.Add(new Result(name, kind, users, ideaCounts[0], run, operations, allocated));
            Console.WriteLine(results[^1].Line());
        }
    }
}

// Search alone over larger teams: a fresh bot process each time (nothing in memory), its first search measured on
// its own (it reads the team's summaries), then the steady state.
var searches = new List<Result>();
var firstSearch = new Dictionary<int, double>();
var searchableAfter = new Dictionary<int, double>();
foreach (var count in ideaCounts)
{
    await seed.IdeasAsync(count);
    await care.DisposeAsync();
    care = await Bots.StartAsync(careDll, azurite.ConnectionString, prefix);
    firstSearch[count] = (await Load.RunAsync(http, care.MessagesUrl, kinds["search"], users: 1, perUser: 1)).Percentile(1);
    // A first search that outlasts the bot's patience answers "try again"; the steady state starts once it has results.
    var started = Stopwatch.StartNew();
    while ((await (await http.PostAsJsonAsync(care.MessagesUrl, kinds["search"](0))).Content.ReadFromJsonAsync<JsonObject>())?["composeExtension"]?["type"]?.GetValue<string>() != "result")
    {
        await Task.Delay(100);
    }
    searchableAfter[count] = firstSearch[count] + started.Elapsed.TotalMilliseconds;
    var before = await care.CountersAsync(http);
    var run = await Load.RunAsync(http, care.MessagesUrl, kinds["search"], users: 16, perUser);
    var (operations, allocated) = (await care.CountersAsync(http)).PerTurnSince(before, run.Latencies.Count);
    searches.Add(new Result("CareCompanion", "search", 16, count, run, operations, allocated));
    Console.WriteLine(searches[^1].Line() + FormattableString.Invariant($" first={firstSearch[count]:F0} ms searchable after {searchableAfter[count]:F0} ms"));
}
await care.DisposeAsync();
await echo.DisposeAsync();
await storingEcho.DisposeAsync();

var capped = await CappedSearch.RunAsync(tables, sink.ServiceUrl, azurite.ConnectionString, prefix, careDll, http, perUser);
Console.WriteLine(capped.Result.Line() + $" cap={capped.Cap}");
var memory = await SearchMemory.MeasureAsync(tables, teams, ideaCounts.Max());
await File.WriteAllTextAsync(Path.Combine(RepoPaths.Root, "Benchmarks", "results", "search-memory.md"), memory.Report());
Console.WriteLine(memory.Report());

var report = Report.Write(results, searches, firstSearch, searchableAfter, storageFloor, levels, perUser, capped);
var file = Path.Combine(RepoPaths.Root, "Benchmarks", "results", "turns.md");
await File.WriteAllTextAsync(file, report);
Console.WriteLine(report);
Console.WriteLine($"Written to {file}");
return 0;

int[] ListArg(string name, int[] fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? [.. args[i + 1].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] : fallback;
}
