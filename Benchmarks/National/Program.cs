// National benchmark (issue 17): N tenants × M teams, each team's own weekly pulse round (the bot's pulse.post job,
// posting the question card to the team's channel, and with --members to each member's personal chat) due at one
// instant, two bot instances on one Azurite, a connector sink with per-tenant and per-conversation limits (429 +
// Retry-After). Runs: per-tenant buckets with instance A killed a third of the way; one bot-wide bucket, for
// comparison; Friday's digest (one job per tenant) to every team's leader in their personal chat.
// Each run on its own tables, seeded afresh. Writes Benchmarks/results/national.md.
// Usage: dotnet run -c Release --project Benchmarks/National -- [--tenants 50] [--teams 200] [--rate 30] [--future 20000]
//        [--members 0] [--runs all|per-tenant|bot-wide|friday|probe (comma-separated)] [--max-seconds 240]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CareCompanion.Benchmarks.National;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Broadcast;
using CareCompanion.Bot.Pulse;
using CareCompanion.Storage;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Delivery;
using CareCompanion.Bot.Digest;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.Options;

var tenants = IntArg("--tenants", 50);
var teams = IntArg("--teams", 200);
var rate = IntArg("--rate", 30);
var future = IntArg("--future", 20000);
var maxSeconds = IntArg("--max-seconds", 240);
var members = IntArg("--members", 0);
var which = StringArg("--runs", "all").Split(',');
var total = tenants * teams;
var tenantIds = Enumerable.Range(0, tenants).Select(t => $"tenant-{t:D3}").ToArray();

await using var azurite = await AzuriteServer.StartAsync();
await using var sink = await TenantSink.StartAsync(rate, Math.Max(1, members));

var runs = new List<RunResult>();
var probe = new List<(int Rows, double Ms)>();
if (Runs("per-tenant")) runs.Add(await RunAsync("Monday, per-tenant buckets, instance A killed after a third", perTenant: rate, botWide: 0, kill: true, friday: false));
if (Runs("bot-wide")) runs.Add(await RunAsync($"Monday, one bot-wide bucket ({rate}/s), per-tenant high", perTenant: 100000, botWide: rate, kill: false, friday: false));
if (Runs("friday")) runs.Add(await RunAsync("Friday digest to every team's leader, per-tenant buckets", perTenant: rate, botWide: 0, kill: false, friday: true));
// Last: its 250,000 rows would otherwise sit in the emulator's memory through the runs.
if (Runs("probe"))
{
    foreach (var rows in new[] { 1_000, 50_000, 200_000 }) probe.Add((rows, await AzuriteProbe.UpdateMillisecondsAsync(azurite.ConnectionString, rows)));
}
var report = Report(runs);
var resultsFile = Path.Combine(RepoPaths.Root, "Benchmarks", "results", "national.md");
await File.WriteAllTextAsync(resultsFile, report);
Console.WriteLine(report);
Console.WriteLine($"Written to {resultsFile}");
return runs.All(r => r.Lost == 0 && r.Duplicates == 0) ? 0 : 1;

bool Runs(string name) => which.Contains(name) || which.Contains("all");

// Every team as installing the app and setting up the pulse leaves it (team row, channel, pulse settings posting to the
// channel, and to the members with --members), plus future jobs next week; for Friday also each team's leader (the
// roster's first member) and a new idea for the digest to tell of. Returns the storage the run's bots use and how many
// jobs a second the future ones were stored at.
async Task<(IOptions<StorageOptions> Storage, double JobsPerSecond)> SeedAsync(bool friday)
{
    var storage = Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "nat" + Guid.NewGuid().ToString("N")[..8] });
    var tables = new Tables(storage);
    await tables.CreateAllAsync(default);
    await new DeliveryQueue(storage).CreateAsync(default);
    Console.WriteLine($"Seeding {tenants} × {teams} teams with the pulse and {future} future jobs...");
    var conversations = new ConversationRepository(tables, TimeProvider.System);
    var teamRows = new TeamRepository(tables);
    var pulse = new PulseRepository(tables);
    var roles = new RoleRepository(tables);
    var ideas = new IdeaRepository(tables);
    await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
    {
        var (tenant, teamId) = TeamOf(i);
        var team = new Team
        {
            TenantId = tenant, TeamId = teamId, Name = $"Avdeling {i % teams}", ConversationId = $"19:{teamId}@thread.tacv2",
            ServiceUrl = sink.ServiceUrlOf(tenant), BotId = "28:bench-bot", Locale = "nb-NO",
        };
        await teamRows.SaveAsync(team, ct);
        await conversations.ActivateAsync(new StoredConversation
        {
            TenantId = tenant, ConversationId = team.ConversationId, Scope = ConversationScope.Channel, TeamId = teamId,
            ServiceUrl = team.ServiceUrl, BotId = team.BotId, Locale = team.Locale,
        }, ct);
        await pulse.SaveSettingsAsync(new PulseSettings
        {
            TenantId = tenant, TeamId = teamId, Delivery = members > 0 ? PulseDelivery.Both : PulseDelivery.Channel,
        }, ct);
        if (!friday) return;
        var leader = TenantSink.MemberOf(tenant, teamId, 0);
        await roles.GrantAsync(tenant, teamId, leader.AadObjectId, Role.Leader, ct, leader.UserId);
        await ideas.TryAddAsync(new Idea
        {
            TenantId = tenant, TeamId = teamId, IdeaId = "idea-1", Title = "Fast dag for oppfølging av nyansatte", Category = IdeaCategory.All[2],
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-2), StatusChangedAt = DateTimeOffset.UtcNow.AddDays(-2),
        }, ct);
    });
    var nextWeek = DateTimeOffset.UtcNow.AddDays(7);
    var scheduling = Stopwatch.StartNew();
    await new JobRepository(tables).ScheduleManyAsync(Enumerable.Range(0, future).Select(i => BroadcastJob.Create($"future-{i:D6}", tenantIds[i % tenants],
        nextWeek.AddSeconds(i % 3600), new Dictionary<string, string> { ["nb"] = "Neste uke." })));
    return (storage, future / Math.Max(0.001, scheduling.Elapsed.TotalSeconds));
}

// A run's tables and queue go when it ends: the next run's emulator does not carry them in its memory (each run seeds its own).
static async Task DropAsync(IOptions<StorageOptions> storage)
{
    var tables = new Tables(storage);
    foreach (var name in TableNames.All) await tables.Get(name).DeleteAsync();
    await new Azure.Storage.Queues.QueueClient(storage.Value.ConnectionString, DeliveryQueue.QueueName(storage.Value)).DeleteIfExistsAsync();
}

(string Tenant, string TeamId) TeamOf(int i) => (tenantIds[i / teams], $"team-{i % teams:D4}");

async Task<RunResult> RunAsync(string name, int perTenant, int botWide, bool kill, bool friday)
{
    sink.Reset();
    var (storage, jobsPerSecond) = await SeedAsync(friday);
    var jobs = new JobRepository(new Tables(storage));
    var bots = await StartBotsAsync(storage, perTenant, botWide, shortLeases: kill);
    // Monday: each team's own round, as PulseSetup schedules it; Friday: each tenant's digest. All due at one instant
    // after they are all stored (at the rate the seeding stored jobs, with room to spare); the bots poll for them.
    var dueJobs = friday
        ? tenantIds.Select(t => DigestJobs.Kind.Create(t, DateTimeOffset.MaxValue, new DigestJobs.Payload("Europe/Oslo"), "national")).ToList()
        : Enumerable.Range(0, total).Select(i => TeamOf(i)).Select(t => PulseJobs.PostKind.Create(t.Tenant, DateTimeOffset.MaxValue, new PulseJobs.Payload(t.TeamId), t.TeamId, "national")).ToList();
    var due = DateTimeOffset.UtcNow.AddSeconds(10 + 2 * dueJobs.Count / jobsPerSecond);
    await jobs.ScheduleManyAsync(dueJobs.Select(j => j with { DueAt = due }));
    if (DateTimeOffset.UtcNow > due) Console.WriteLine($"  warning: storing the jobs ended {(DateTimeOffset.UtcNow - due).TotalSeconds:F1} s after they were due");
    var expected = friday ? total : total * (1 + members);
    Console.WriteLine($"Run '{name}': {dueJobs.Count} jobs due {due:HH:mm:ss}, {expected} messages expected");
    var cpuAtStart = bots.ToDictionary(b => b.Key, b => CpuSeconds(b.Value.Process.Id));
    // The rest of the machine's load: the emulator, and this process (the connector sink and the driver).
    var othersAtStart = (Tables: CpuSeconds(azurite.ProcessIds[0]), Queues: CpuSeconds(azurite.ProcessIds[1]), Here: Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
    var usage = new Dictionary<string, (double Cpu, double Seconds, long PeakMb)>();
    var polls = new Dictionary<string, JsonObject>();
    using var http = new HttpClient();
    var tableTripsAtStart = 0L;
    foreach (var bot in bots.Values) tableTripsAtStart += (long)(await MetricsJsonAsync(http, bot.Port))["storageOperations"]!;
    var clock = Stopwatch.StartNew();
    DateTimeOffset? killedAt = null;
    // Every 10 s from due: delivered so far and the delivery queue's length (full: the senders are the limit; empty: the planning is).
    var queueClient = new Azure.Storage.Queues.QueueClient(storage.Value.ConnectionString, DeliveryQueue.QueueName(storage.Value));
    var timeline = new List<string>();
    var nextSample = due;
    while (sink.Distinct < expected && clock.Elapsed < TimeSpan.FromSeconds(maxSeconds))
    {
        if (DateTimeOffset.UtcNow >= nextSample)
        {
            var queued = (await queueClient.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            timeline.Add(FormattableString.Invariant($"{(nextSample - due).TotalSeconds:F0} s: {sink.Distinct} / {queued}"));
            nextSample += TimeSpan.FromSeconds(10);
        }
        if (kill && killedAt is null && sink.Distinct >= expected / 3)
        {
            polls["A"] = await MetricsJsonAsync(http, bots["A"].Port);
            usage["A"] = (CpuSeconds(bots["A"].Process.Id) - cpuAtStart["A"], clock.Elapsed.TotalSeconds, PeakMb(bots["A"].Process.Id));
            await bots["A"].Process.DisposeAsync(); // SIGKILL: no graceful shutdown
            killedAt = DateTimeOffset.UtcNow;
            Console.WriteLine($"  killed instance A at {killedAt:HH:mm:ss.fff}, {sink.Distinct} delivered");
        }
        await Task.Delay(200);
    }
    await Task.Delay(2000); // let stragglers (duplicates, if any) arrive
    foreach (var (n, bot) in bots)
    {
        if (!usage.ContainsKey(n) && !bot.Process.HasExited)
        {
            polls[n] = await MetricsJsonAsync(http, bot.Port);
            usage[n] = (CpuSeconds(bot.Process.Id) - cpuAtStart[n], clock.Elapsed.TotalSeconds, PeakMb(bot.Process.Id));
        }
        await bot.Process.DisposeAsync();
    }
    // The bots' warnings and errors, kept for reading (a job tried again, a lease lost, a send given up for now).
    var logs = bots.ToDictionary(b => b.Key, b => b.Value.Process.Output);
    foreach (var (n, log) in logs) await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"national-{(friday ? "friday" : "monday")}-{n}.log"), log);
    int Count(string what) => logs.Values.Sum(l => l.Split(what).Length - 1);
    var troubles = (JobsFailed: Count(") failed; tried again at"), LeasesLost: Count("lease lost while queueing"), SendsFailedForNow: Count("failed for now ("));
    usage["Azurite tables"] = (CpuSeconds(azurite.ProcessIds[0]) - othersAtStart.Tables, clock.Elapsed.TotalSeconds, PeakMb(azurite.ProcessIds[0]));
    usage["Azurite queues"] = (CpuSeconds(azurite.ProcessIds[1]) - othersAtStart.Queues, clock.Elapsed.TotalSeconds, PeakMb(azurite.ProcessIds[1]));
    usage["connector sink + driver"] = (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - othersAtStart.Here, clock.Elapsed.TotalSeconds,
        PeakMb(Environment.ProcessId));
    var first = sink.FirstDeliveries;
    var lateness = first.Values.Select(t => (t - due).TotalSeconds).Order().ToArray();
    var byTenant = first.GroupBy(f => f.Key[..f.Key.IndexOf('/')]).Select(g => (First: g.Min(x => x.Value), Last: g.Max(x => x.Value), Count: g.Count())).ToList();
    var last = first.Count > 0 ? first.Values.Max() : due;
    var firstPost = first.Count > 0 ? first.Values.Min() : due;
    // The poll that read most, of either instance: the bots' own count (JobRepository.RowsRead), from /metrics.
    var busiest = polls.Values.MaxBy(p => (long)p["busiestPollRowsRead"]!);
    var repeated = sink.Repeated.Select(r => $"{r.Key}: " + string.Join(", ", r.Value.Select(t => killedAt is { } k
        ? FormattableString.Invariant($"{(t - k).TotalSeconds:+0.000;-0.000} s")
        : FormattableString.Invariant($"{(t - due).TotalSeconds:F3} s after due")))).ToList();
    var personal = first.Keys.Count(k => k.Contains("/a:", StringComparison.Ordinal));
    await DropAsync(storage);
    return new RunResult(name, expected, first.Count, personal, sink.RosterReads, sink.ChatsOpened, sink.Duplicates, expected - first.Count, sink.Throttled,
        (last - due).TotalSeconds, first.Count / Math.Max(0.001, (last - due).TotalSeconds),
        byTenant.Count > 0 ? byTenant.Average(t => t.Count / Math.Max(0.001, (t.Last - due).TotalSeconds)) : 0,
        Percentile(lateness, 0.5), Percentile(lateness, 0.95), Percentile(lateness, 0.99),
        byTenant.Count > 0 ? (byTenant.Max(t => t.Last) - byTenant.Min(t => t.Last)).TotalSeconds : 0,
        busiest is null ? 0 : (long)busiest["busiestPollRowsRead"]!, busiest is null ? 0 : (int)busiest["busiestPollDue"]!,
        polls.Sum(p => (long)p.Value["schedulerPolls"]!), (polls.Values.Sum(p => (long)p["storageOperations"]!) - tableTripsAtStart) / (double)Math.Max(1, first.Count), usage, killedAt is { } at ? (at - due).TotalSeconds : null, repeated, timeline, troubles);
}

// A run that kills an instance uses 15 s leases, so the survivor takes over within the run; the others the bot's own.
async Task<Dictionary<string, (ChildProcess Process, int Port)>> StartBotsAsync(IOptions<StorageOptions> storage, int perTenant, int botWide, bool shortLeases)
{
    var botDll = Path.Combine(RepoPaths.Root, "Bot", "bin", "Release", "net10.0", "CareCompanion.Bot.dll");
    var bots = new Dictionary<string, (ChildProcess Process, int Port)>();
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
            ["Delivery__Lease"] = shortLeases ? "00:00:15" : "00:02:00",
            ["Scheduler__PollInterval"] = "00:00:10", // the bot's default
            ["Scheduler__Lease"] = shortLeases ? "00:00:15" : "00:01:00",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await bot.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        bots[name] = (bot, port);
    }
    using var http = new HttpClient();
    foreach (var port in bots.Values.Select(b => b.Port))
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
    b.AppendLine($"Setup: {tenants} tenants × {teams} teams. Monday: each team's own pulse round (the bot's pulse.post job: question, " +
        "round, reminder, closing and next week's round stored, the question card posted to the team's channel" +
        (members > 0 ? $" and to each of the team's {members} members in their personal chat, opened through the connector as the roster is read" : "") +
        "), all due at one instant. Friday: each tenant's digest job (roster check of every team, one card per leader in their personal chat, opened as needed; " +
        "each team has one new idea to tell of), all due at one instant; " +
        $"{future} future jobs pending next week besides the reminders, closings and next rounds the rounds schedule; two bot instances (separate Release " +
        $"processes, the scheduler's default 10 s poll; 15 s job and delivery leases in the run that kills an instance, the bot's own 1 and 2 min in the others) on one Azurite; a connector sink allowing {rate}/s per tenant and 7/s per conversation (429 + Retry-After: 1). " +
        "Each run seeds its own tables.");
    b.AppendLine($"Command: `./Benchmarks/run-national.sh --tenants {tenants} --teams {teams} --rate {rate} --future {future} --members {members} --runs {string.Join(',', which)}`");
    b.AppendLine();
    b.AppendLine("| run | messages | delivered (of them personal) | roster reads / chats opened | duplicates | not delivered when the run ended | 429s | due → last message (s) | messages/s overall | messages/s per tenant (mean) | lateness p50 / p95 / p99 (s) | first → last tenant done (s) | busiest poll: rows read / jobs due | polls | table round trips per message delivered |");
    b.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    foreach (var r in results)
    {
        b.AppendLine(FormattableString.Invariant(
            $"| {r.Name} | {r.Posts} | {r.Delivered} ({r.Personal}) | {r.RosterReads} / {r.ChatsOpened} | {r.Duplicates} | {r.Lost} | {r.Throttled} | {r.DueToLast:F1} | {r.Overall:F1} | {r.PerTenant:F1} | {r.P50:F1} / {r.P95:F1} / {r.P99:F1} | {r.Spread:F1} | {r.RowsRead} / {r.Due} | {r.Polls} | {r.TableTripsPerMessage:F1} |"));
    }
    foreach (var r in results.Where(r => r.KilledAfter is not null || r.Repeated.Count > 0))
    {
        b.AppendLine();
        b.AppendLine(r.KilledAfter is { } killed
            ? FormattableString.Invariant($"{r.Name}: instance A killed {killed:F1} s after due. Conversations that got a post more than once, each delivery's time from the kill:")
            : $"{r.Name}: no instance killed. Conversations that got a post more than once, each delivery's time from due:");
        foreach (var line in r.Repeated) b.AppendLine($"- {line}");
        if (r.Repeated.Count == 0) b.AppendLine("- none");
    }
    b.AppendLine();
    foreach (var r in results)
    {
        b.AppendLine($"{r.Name}, every 10 s from due, delivered / queued: {string.Join("; ", r.Timeline)}.");
        b.AppendLine($"From the bots' logs: {r.Troubles.JobsFailed} job runs failed and were tried again later, {r.Troubles.LeasesLost} job leases lost while queueing, " +
            $"{r.Troubles.SendsFailedForNow} sends failed for now (back on the queue).");
    }
    b.AppendLine();
    b.AppendLine("| run | process | CPU (s) over wall (s) | average cores | peak memory (MB) |");
    b.AppendLine("|---|---|---|---|---|");
    foreach (var r in results)
    {
        foreach (var (n, u) in r.Usage.OrderBy(u => u.Key))
        {
            b.AppendLine(FormattableString.Invariant($"| {r.Name} | {n} | {u.Cpu:F1} / {u.Seconds:F1} | {u.Cpu / Math.Max(0.001, u.Seconds):F2} | {u.PeakMb} |"));
        }
    }
    if (probe.Count > 0)
    {
        b.AppendLine();
        b.AppendLine("The emulator's cost of one update (sequential upserts of existing rows, `--runs probe`): " +
            string.Join(", ", probe.Select(p => FormattableString.Invariant($"{p.Ms:F2} ms with {p.Rows:N0} rows in the table"))) + ".");
    }
    b.AppendLine();
    b.AppendLine("Lateness: a message's first delivery minus the due instant. Messages/s: delivered over due → last message; per tenant, its messages over due → its last. " +
        "Instance A's figures in the first run end when it was killed. Rows read: the busiest scheduler poll of either instance, as the bots count it " +
        "themselves (JobRepository.RowsRead, on /metrics): the due entries it read and the jobs it looked up. Table round trips: both instances' own count " +
        "(storageOperations on /metrics, each try) from the run's start to its end (A's to its kill), over the messages delivered; queue operations not included.");
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

string StringArg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static async Task<JsonObject> MetricsJsonAsync(HttpClient http, int port) => JsonNode.Parse(await MetricsAsync(http, port))!.AsObject();

static async Task<string> MetricsAsync(HttpClient http, int port)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/metrics") { Headers = { { "X-Metrics-Key", "benchmark" } } };
    return await (await http.SendAsync(request)).Content.ReadAsStringAsync();
}

internal sealed record RunResult(string Name, int Posts, int Delivered, int Personal, long RosterReads, long ChatsOpened, int Duplicates, int Lost, long Throttled, double DueToLast,
    double Overall, double PerTenant, double P50, double P95, double P99, double Spread, long RowsRead, int Due, long Polls, double TableTripsPerMessage,
    Dictionary<string, (double Cpu, double Seconds, long PeakMb)> Usage, double? KilledAfter, IReadOnlyList<string> Repeated, IReadOnlyList<string> Timeline,
    (int JobsFailed, int LeasesLost, int SendsFailedForNow) Troubles);
