// National benchmark (issue 17): N tenants × M teams, one channel post per team, all due at one instant, two bot
// instances on one Azurite, a connector sink with per-tenant and per-conversation limits (429 + Retry-After).
// Run 1: per-tenant buckets, instance A killed a third of the way. Run 2: one bot-wide bucket, for comparison.
// Writes Benchmarks/results/national.md.
// Usage: dotnet run -c Release --project Benchmarks/National -- [--tenants 50] [--teams 200] [--rate 30] [--future 20000]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CareCompanion.Benchmarks.National;
using CareCompanion.Bot.Broadcast;
using CareCompanion.Storage;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Delivery;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.Options;

var tenants = IntArg("--tenants", 50);
var teams = IntArg("--teams", 200);
var rate = IntArg("--rate", 30);
var future = IntArg("--future", 20000);
var maxSeconds = IntArg("--max-seconds", 240);
var total = tenants * teams;
var tenantIds = Enumerable.Range(0, tenants).Select(t => $"tenant-{t:D3}").ToArray();

await using var azurite = await AzuriteServer.StartAsync();
await using var sink = await TenantSink.StartAsync(rate);
var storage = Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "nat" + Guid.NewGuid().ToString("N")[..8] });
var tables = new Tables(storage);
await tables.CreateAllAsync(default);
await new DeliveryQueue(storage).CreateAsync(default);
var jobs = new JobRepository(tables);

Console.WriteLine($"Seeding {tenants} × {teams} team channels and {future} future jobs...");
var repository = new ConversationRepository(tables, TimeProvider.System);
await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
{
    var tenant = tenantIds[i / teams];
    await repository.ActivateAsync(new StoredConversation
    {
        TenantId = tenant, ConversationId = $"19:team-{i % teams:D4}@thread.tacv2", Scope = ConversationScope.Channel,
        TeamId = $"team-{i % teams:D4}", ServiceUrl = sink.ServiceUrlOf(tenant), BotId = "28:bench-bot", Locale = "nb-NO",
    }, ct);
});
var nextWeek = DateTimeOffset.UtcNow.AddDays(7);
await jobs.ScheduleManyAsync(Enumerable.Range(0, future).Select(i => BroadcastJob.Create($"future-{i:D6}", tenantIds[i % tenants],
    nextWeek.AddSeconds(i % 3600), new Dictionary<string, string> { ["nb"] = "Neste uke." })));

var runs = new List<RunResult>
{
    await RunAsync("per-tenant buckets, instance A killed after a third", perTenant: rate, botWide: 0, kill: true),
    await RunAsync($"one bot-wide bucket ({rate}/s), per-tenant high", perTenant: 100000, botWide: rate, kill: false),
};
var report = Report(runs);
var resultsFile = Path.Combine(RepoPaths.Root, "Benchmarks", "results", "national.md");
await File.WriteAllTextAsync(resultsFile, report);
Console.WriteLine(report);
Console.WriteLine($"Written to {resultsFile}");
return runs.All(r => r.Lost == 0 && r.Duplicates == 0) ? 0 : 1;

async Task<RunResult> RunAsync(string name, int perTenant, int botWide, bool kill)
{
    sink.Reset();
    var bots = await StartBotsAsync(perTenant, botWide);
    var due = DateTimeOffset.UtcNow.AddSeconds(5);
    var runId = Guid.NewGuid().ToString("N")[..6];
    foreach (var tenant in tenantIds)
    {
        await jobs.ScheduleAsync(BroadcastJob.Create($"round-{runId}-{tenant}", tenant, due, new Dictionary<string, string> { ["nb"] = "Ukens spørsmål er ute." }, ConversationScope.Channel));
    }
    // What a poll at the due instant reads: the benchmark asks as the scheduler does (reading only, no claim).
    var before = jobs.RowsRead;
    var claimable = await jobs.ListClaimableAsync(due, 100);
    var rowsRead = jobs.RowsRead - before;
    Console.WriteLine($"Run '{name}': {tenants} jobs due {due:HH:mm:ss}; a poll read {rowsRead} rows for {claimable.Count} due");
    var cpuAtStart = bots.ToDictionary(b => b.Key, b => CpuSeconds(b.Value.Id));
    var usage = new Dictionary<string, (double Cpu, double Seconds, long PeakMb)>();
    var clock = Stopwatch.StartNew();
    var killed = false;
    while (sink.Distinct < total && clock.Elapsed < TimeSpan.FromSeconds(maxSeconds))
    {
        if (kill && !killed && sink.Distinct >= total / 3)
        {
            usage["A"] = (CpuSeconds(bots["A"].Id) - cpuAtStart["A"], clock.Elapsed.TotalSeconds, PeakMb(bots["A"].Id));
            await bots["A"].DisposeAsync(); // SIGKILL: no graceful shutdown
            killed = true;
            Console.WriteLine($"  killed instance A at {sink.Distinct} delivered");
        }
        await Task.Delay(200);
    }
    await Task.Delay(2000); // let stragglers (duplicates, if any) arrive
    foreach (var (n, bot) in bots)
    {
        if (!usage.ContainsKey(n) && !bot.HasExited) usage[n] = (CpuSeconds(bot.Id) - cpuAtStart[n], clock.Elapsed.TotalSeconds, PeakMb(bot.Id));
        await bot.DisposeAsync();
    }
    var first = sink.FirstDeliveries;
    var lateness = first.Values.Select(t => (t - due).TotalSeconds).Order().ToArray();
    var byTenant = first.GroupBy(f => f.Key[..f.Key.IndexOf('/')]).Select(g => (First: g.Min(x => x.Value), Last: g.Max(x => x.Value), Count: g.Count())).ToList();
    var last = first.Count > 0 ? first.Values.Max() : due;
    var firstPost = first.Count > 0 ? first.Values.Min() : due;
    return new RunResult(name, total, first.Count, sink.Duplicates, total - first.Count, sink.Throttled,
        (last - due).TotalSeconds, first.Count / Math.Max(0.001, (last - firstPost).TotalSeconds),
        byTenant.Count > 0 ? byTenant.Average(t => t.Count / Math.Max(0.001, (t.Last - t.First).TotalSeconds)) : 0,
        Percentile(lateness, 0.5), Percentile(lateness, 0.95), Percentile(lateness, 0.99),
        byTenant.Count > 0 ? (byTenant.Max(t => t.Last) - byTenant.Min(t => t.Last)).TotalSeconds : 0,
        rowsRead, claimable.Count, usage);
}

async Task<Dictionary<string, ChildProcess>> StartBotsAsync(int perTenant, int botWide)
{
    var botDll = Path.Combine(RepoPaths.Root, "Bot", "bin", "Release", "net10.0", "CareCompanion.Bot.dll");
    var bots = new Dictionary<string, ChildProcess>();
    var ports = new List<int>();
    foreach (var name in new[] { "A", "B" })
    {
        var port = ChildProcess.FreePort();
        var bot = ChildProcess.Start("dotnet", [botDll, "--urls", $"http://127.0.0.1:{port}"], Path.GetDirectoryName(botDll), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Health__MetricsKey"] = "benchmark",
            ["Telemetry__Console"] = "false",
            ["InstanceId"] = name,
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Storage__TablePrefix"] = storage.Value.TablePrefix,
            ["Delivery__MessagesPerTenantPerSecond"] = perTenant.ToString(CultureInfo.InvariantCulture),
            ["Delivery__MessagesPerSecond"] = botWide.ToString(CultureInfo.InvariantCulture),
            ["Delivery__HeartbeatInterval"] = "00:00:05",
            ["Delivery__Lease"] = "00:00:15",
            ["Scheduler__PollInterval"] = "00:00:01",
            ["Scheduler__Lease"] = "00:00:15",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await bot.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        bots[name] = bot;
        ports.Add(port);
    }
    using var http = new HttpClient();
    foreach (var port in ports)
    {
        while (!(await MetricsAsync(http, port)).Contains("\"liveInstances\":2")) await Task.Delay(500);
    }
    return bots;
}

string Report(List<RunResult> results)
{
    var b = new StringBuilder();
    b.AppendLine("# National benchmark");
    b.AppendLine();
    b.AppendLine($"Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
    b.AppendLine($"Setup: {tenants} tenants × {teams} teams = {total} channel posts (one per team, one broadcast job per tenant to its team channels), all due at one instant; " +
        $"{future} future jobs pending next week; two bot instances (separate Release processes) on one Azurite; a connector sink allowing {rate}/s per tenant and 7/s per conversation (429 + Retry-After: 1).");
    b.AppendLine($"Command: `./Benchmarks/run-national.sh --tenants {tenants} --teams {teams} --rate {rate} --future {future}`");
    b.AppendLine();
    b.AppendLine("| run | posts | delivered | duplicates | lost | 429s | due → last post (s) | posts/s overall | posts/s per tenant (mean) | lateness p50 / p95 / p99 (s) | first → last tenant done (s) | rows read by a poll / jobs due |");
    b.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
    foreach (var r in results)
    {
        b.AppendLine(FormattableString.Invariant(
            $"| {r.Name} | {r.Posts} | {r.Delivered} | {r.Duplicates} | {r.Lost} | {r.Throttled} | {r.DueToLast:F1} | {r.Overall:F1} | {r.PerTenant:F1} | {r.P50:F1} / {r.P95:F1} / {r.P99:F1} | {r.Spread:F1} | {r.RowsRead} / {r.Due} |"));
    }
    b.AppendLine();
    b.AppendLine("| run | instance | CPU (s) over wall (s) | average cores | peak memory (MB) |");
    b.AppendLine("|---|---|---|---|---|");
    foreach (var r in results)
    {
        foreach (var (n, u) in r.Usage.OrderBy(u => u.Key))
        {
            b.AppendLine(FormattableString.Invariant($"| {r.Name} | {n} | {u.Cpu:F1} / {u.Seconds:F1} | {u.Cpu / Math.Max(0.001, u.Seconds):F2} | {u.PeakMb} |"));
        }
    }
    b.AppendLine();
    b.AppendLine("Lateness: a team's post time minus the due instant. Instance A's figures in the first run end when it was killed. " +
        "Rows read: one scheduler query at the due instant, made by the benchmark with the bot's own JobRepository.");
    return b.ToString();
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static double CpuSeconds(int pid)
{
    try { return Process.GetProcessById(pid).TotalProcessorTime.TotalSeconds; } catch (ArgumentException) { return 0; }
}

// The process's peak resident memory (VmHWM) from /proc.
static long PeakMb(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

int IntArg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static async Task<string> MetricsAsync(HttpClient http, int port)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/metrics") { Headers = { { "X-Metrics-Key", "benchmark" } } };
    return await (await http.SendAsync(request)).Content.ReadAsStringAsync();
}

internal sealed record RunResult(string Name, int Posts, int Delivered, int Duplicates, int Lost, long Throttled, double DueToLast,
    double Overall, double PerTenant, double P50, double P95, double P99, double Spread, long RowsRead, int Due,
    Dictionary<string, (double Cpu, double Seconds, long PeakMb)> Usage);
