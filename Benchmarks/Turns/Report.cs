using System.Runtime.InteropServices;
using System.Text;

namespace CareCompanion.Benchmarks.Turns;

public sealed record Result(string Bot, string Kind, int Users, int Ideas, Run Run, double StorageOperations, double AllocatedKilobytes)
{
    public string Line() => FormattableString.Invariant(
        $"{Bot,-14} {Kind,-13} users={Users,-3} ideas={Ideas,-6} n={Run.Latencies.Count,-5} {Run.Throughput,7:F1}/s p50={Run.Percentile(0.5),7:F1} p95={Run.Percentile(0.95),7:F1} p99={Run.Percentile(0.99),7:F1} ms errors={Run.Errors} storage/turn={StorageOperations:F2} KB/turn={AllocatedKilobytes:F0}");
}

public static class Report
{
    public static string Write(List<Result> results, List<Result> searches, Dictionary<int, double> firstSearch, Dictionary<int, double> searchableAfter, double storageFloor, int[] levels, int perUser)
    {
        var b = new StringBuilder();
        b.AppendLine("# Turn benchmark: CareCompanion against a bare echo bot");
        b.AppendLine();
        b.AppendLine($"Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Environment.ProcessorCount} cores, " +
            $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
        b.AppendLine($"Setup: Azurite, both bots Release builds in their own processes (no authentication, background loops off), " +
            $"driven over loopback; each user sends {perUser} requests of a kind one after the other, all users at once. " +
            $"Replies go to a local connector sink. Storage round trips are counted in the bot (Azure SDK pipeline policy, each try); " +
            $"allocations per turn from GC.GetTotalAllocatedBytes in each bot process (whatever else it did meanwhile included).");
        b.AppendLine("Command: `./Benchmarks/run-turns.sh`");
        b.AppendLine();
        b.AppendLine("| users | activity | CareCompanion /s | p50 / p95 / p99 ms | echo /s | echo p50 / p95 / p99 ms | p50 ratio | errors | storage round trips per turn | KB allocated per turn (echo) |");
        b.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var care in results.Where(r => r.Bot == "CareCompanion"))
        {
            var echo = results.Single(r => r.Bot == "echo" && r.Kind == care.Kind && r.Users == care.Users);
            b.AppendLine(FormattableString.Invariant(
                $"| {care.Users} | {care.Kind} | {care.Run.Throughput:F0} | {care.Run.Percentile(0.5):F1} / {care.Run.Percentile(0.95):F1} / {care.Run.Percentile(0.99):F1} | {echo.Run.Throughput:F0} | {echo.Run.Percentile(0.5):F1} / {echo.Run.Percentile(0.95):F1} / {echo.Run.Percentile(0.99):F1} | {care.Run.Percentile(0.5) / Math.Max(0.01, echo.Run.Percentile(0.5)):F1}× | {care.Run.Errors} | {care.StorageOperations:F2} | {care.AllocatedKilobytes:F0} ({echo.AllocatedKilobytes:F0}) |"));
        }
        b.AppendLine();
        b.AppendLine("Messaging-extension search alone, 16 users:");
        b.AppendLine();
        b.AppendLine("| ideas in the team | first search after start: answered in ms | results from (ms after start) | then p50 / p95 / p99 ms | storage round trips per search | KB allocated per search |");
        b.AppendLine("|---|---|---|---|---|---|");
        foreach (var s in searches)
        {
            b.AppendLine(FormattableString.Invariant($"| {s.Ideas:N0} | {firstSearch[s.Ideas]:F0} | {searchableAfter[s.Ideas]:F0} | {s.Run.Percentile(0.5):F0} / {s.Run.Percentile(0.95):F0} / {s.Run.Percentile(0.99):F0} | {s.StorageOperations:F2} | {s.AllocatedKilobytes:F0} |"));
        }
        b.AppendLine();
        b.AppendLine(FormattableString.Invariant(
            $"One Azurite round trip (a point read from another process, 1 user, p50 of 200): {storageFloor:F2} ms; two of them: {2 * storageFloor:F2} ms."));
        b.AppendLine();
        b.AppendLine("Targets (issue 10):");
        b.AppendLine();
        var at16 = results.Where(r => r.Bot == "CareCompanion" && r.Users == 16).ToList();
        foreach (var care in at16)
        {
            var echo = results.Single(r => r.Bot == "echo" && r.Kind == care.Kind && r.Users == 16);
            var ratio = care.Run.Percentile(0.5) / Math.Max(0.01, echo.Run.Percentile(0.5));
            b.AppendLine(FormattableString.Invariant($"- {care.Kind}: p50 at 16 users {ratio:F1}× the echo bot (target ≤ 2×): {(ratio <= 2 ? "met" : "missed")}; {care.StorageOperations:F2} storage round trips (target ≤ 2): {(care.StorageOperations <= 2.05 ? "met" : "missed")}."));
        }
        var errors64 = results.Where(r => r.Bot == "CareCompanion" && r.Users == levels.Max()).Sum(r => r.Run.Errors);
        b.AppendLine($"- errors at {levels.Max()} users: {errors64} (target 0): {(errors64 == 0 ? "met" : "missed")}.");
        var biggest = searches.MaxBy(s => s.Ideas);
        if (biggest is not null)
        {
            b.AppendLine(FormattableString.Invariant($"- search p99 over {biggest.Ideas:N0} ideas: {biggest.Run.Percentile(0.99):F0} ms (target < 500 ms): {(biggest.Run.Percentile(0.99) < 500 ? "met" : "missed")}."));
        }
        return b.ToString();
    }
}
