// Delivery benchmark (issue 7): fans one job out to N conversations through two bot instances (separate processes)
// on one Azurite, against a connector sink that enforces a rate limit with 429 + Retry-After. Runs twice: steady,
// and with one instance killed mid-run. Writes Benchmarks/results/delivery-<rate>-per-second.md.
// Usage: dotnet run -c Release --project Benchmarks/Delivery -- [--conversations 5000] [--rate 100]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CareCompanion.Benchmarks.Delivery;
using CareCompanion.Bot.Broadcast;
using CareCompanion.Storage;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Delivery;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.Options;

var conversations = IntArg("--conversations", 5000);
var rate = IntArg("--rate", 50); // Teams: about 30–50 messages per second per bot and tenant
const string tenant = "tenant-benchmark";

await using var azurite = await AzuriteServer.StartAsync();
await using var sink = await RateLimitedSink.StartAsync(rate);
var storage = Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "bench" + Guid.NewGuid().ToString("N")[..8] });
var tables = new Tables(storage);
await tables.CreateAllAsync(default);
await new DeliveryQueue(storage).CreateAsync(default);
var jobs = new JobRepository(tables);

Console.WriteLine($"Seeding {conversations} conversations...");
var repository = new ConversationRepository(tables, TimeProvider.System);
await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
    await repository.ActivateAsync(new StoredConversation
    {
        TenantId = tenant, ConversationId = $"a:bench-{i:D6}", Scope = ConversationScope.Personal,
        ServiceUrl = sink.ServiceUrl, BotId = "28:bench-bot", Locale = "nb-NO",
    }, ct));

var botDll = Path.Combine(RepoPaths.Root, "Bot", "bin", "Release", "net10.0", "CareCompanion.Bot.dll");
var bots = new Dictionary<string, ChildProcess>();
var ports = new Dictionary<string, int>();
foreach (var name in new[] { "A", "B" })
{
    var port = ChildProcess.FreePort();
    var bot = ChildProcess.Start("dotnet", [botDll, "--urls", $"http://127.0.0.1:{port}"], Path.GetDirectoryName(botDll), new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Health__MetricsKey"] = "benchmark",
        ["Telemetry__Console"] = "false", // spans and metrics are still made; printing them is not what is measured
        ["InstanceId"] = name,
        ["Storage__ConnectionString"] = azurite.ConnectionString,
        ["Storage__TablePrefix"] = storage.Value.TablePrefix,
        // The bot is configured with the connector's limit, as with Teams' published one; the live instances share it.
        // One tenant here, so its rate is the connector's; the bot-wide cap is set to the same, as before the per-tenant rate.
        ["Delivery__MessagesPerTenantPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
        ["Delivery__MessagesPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
        ["Delivery__HeartbeatInterval"] = "00:00:05",
        ["Delivery__Lease"] = "00:00:15",
        ["Scheduler__PollInterval"] = "00:00:01",
        ["Scheduler__Lease"] = "00:00:15", // if the instance killed is the one queueing the job, the other goes on after this
        ["Logging__LogLevel__Default"] = "Warning",
    });
    await bot.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
    bots[name] = bot;
    ports[name] = port;
}
// Until both instances have heard of each other they would each take the whole rate.
using var http = new HttpClient();
foreach (var port in ports.Values)
{
    while (!(await MetricsAsync(http, port)).Contains("\"liveInstances\":2")) await Task.Delay(500);
}

var runs = new List<RunResult>
{
    await RunAsync("steady, two instances", killAt: null),
    await RunAsync("instance A killed after a third", killAt: conversations / 3),
};
if (runs.Any(r => r.Lost > 0))
{
    foreach (var (name, bot) in bots) Console.WriteLine($"--- instance {name} log (first 3000 chars) ---\n{bot.Output[..Math.Min(3000, bot.Output.Length)]}");
}
foreach (var bot in bots.Values) await bot.DisposeAsync();

var report = Report(runs);
var resultsFile = Path.Combine(RepoPaths.Root, "Benchmarks", "results", $"delivery-{rate}-per-second.md");
await File.WriteAllTextAsync(resultsFile, report);
Console.WriteLine(report);
Console.WriteLine($"Written to {resultsFile}");
return runs.All(r => r.Lost == 0 && r.Duplicates == 0) ? 0 : 1;

async Task<RunResult> RunAsync(string name, int? killAt)
{
    sink.Reset();
    var jobId = "bench-" + Guid.NewGuid().ToString("N")[..8];
    var due = DateTimeOffset.UtcNow;
    await jobs.ScheduleAsync(BroadcastJob.Create(jobId, tenant, due, new Dictionary<string, string> { ["nb"] = "Ukens spørsmål er ute." }));
    Console.WriteLine($"Run '{name}': job {jobId} due {due:HH:mm:ss}");
    var deadline = Stopwatch.StartNew();
    var limit = TimeSpan.FromSeconds(conversations / (double)rate * 3 + 120);
    var killed = false;
    while (sink.Distinct < conversations && deadline.Elapsed < limit)
    {
        if (killAt is { } k && !killed && sink.Distinct >= k)
        {
            await bots["A"].DisposeAsync(); // SIGKILL: no graceful shutdown
            killed = true;
            Console.WriteLine($"  killed instance A at {sink.Distinct} delivered");
        }
        await Task.Delay(200);
    }
    await Task.Delay(2000); // let stragglers (duplicates, if any) arrive
    foreach (var conversation in sink.Duplicated)
    {
        var row = await new DeliveryRepository(tables).GetAsync(tenant, jobId, conversation);
        Console.WriteLine($"  duplicate: {conversation}, delivery row: {row}");
    }
    var seconds = (sink.LastDelivery - sink.FirstDelivery).TotalSeconds;
    return new RunResult(name, conversations, sink.Distinct, sink.Duplicates, conversations - sink.Distinct, sink.Throttled,
        seconds > 0 ? sink.Distinct / seconds : 0, sink.MiddleRate(), rate, (sink.LastDelivery - due).TotalSeconds);
}

string Report(List<RunResult> results)
{
    var b = new StringBuilder();
    b.AppendLine("# Delivery benchmark");
    b.AppendLine();
    b.AppendLine($"Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Environment.ProcessorCount} cores, " +
        $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
    b.AppendLine($"Setup: Azurite (tables + queue), two bot instances (separate processes, Release, configured with the connector's {rate} msg/s, shared by heartbeat every 5 s), " +
        $"one broadcast job to {conversations} personal chats, connector sink allowing {rate} msg/s (429 + Retry-After: 1 above it).");
    b.AppendLine($"Command: `./Benchmarks/run-delivery.sh --conversations {conversations} --rate {rate}`");
    b.AppendLine();
    b.AppendLine("| run | recipients | delivered | duplicates | lost | 429s | achieved rate (msg/s) | of allowed | middle 80 % (msg/s) | due → last delivery (s) |");
    b.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
    foreach (var r in results)
    {
        b.AppendLine(FormattableString.Invariant(
            $"| {r.Name} | {r.Recipients} | {r.Delivered} | {r.Duplicates} | {r.Lost} | {r.Throttled} | {r.AchievedRate:F1} | {r.AchievedRate / r.AllowedRate:P0} | {r.MiddleRate:F1} | {r.DueToLastSeconds:F1} |"));
    }
    b.AppendLine();
    b.AppendLine("Achieved rate: messages delivered over the time from the first to the last delivery; middle 80 %: the same " +
        "between the 10th and the 90th percentile of deliveries.");
    b.AppendLine();
    b.AppendLine("With instance A killed, B sends at half the rate until A has missed three heartbeats (15 s), then at the whole " +
        "rate; A's claimed deliveries (and the fan-out, if A was queueing the job) wait for their 15 s lease to run out. " +
        "What matters in that run is 0 lost and 0 duplicates.");
    return b.ToString();
}

int IntArg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

// The instance's figures need the operators' key (the public /healthz says only that it is up).
static async Task<string> MetricsAsync(HttpClient http, int port)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/metrics") { Headers = { { "X-Metrics-Key", "benchmark" } } };
    return await (await http.SendAsync(request)).Content.ReadAsStringAsync();
}

internal sealed record RunResult(string Name, int Recipients, int Delivered, int Duplicates, int Lost, long Throttled,
    double AchievedRate, double MiddleRate, double AllowedRate, double DueToLastSeconds);
