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
    /// <summary>Activities that must store before they answer, measured against the storing echo (issue 17: ≤ 1.5×).</summary>
    private static readonly HashSet<string> Storing = ["pulse answer", "idea submit"];

    private static (string Floor, double Target) FloorOf(string kind) => Storing.Contains(kind) ? ("storing echo", 1.5) : ("echo", 2);

    private static string Ms(Run run) => FormattableString.Invariant($"{run.Percentile(0.5):F1} / {run.Percentile(0.95):F1} / {run.Percentile(0.99):F1}");

    public static string Write(List<Result> results, List<Result> searches, Dictionary<int, double> firstSearch, Dictionary<int, double> searchableAfter, double storageFloor, int[] levels, int perUser, CappedSearch.Outcome capped)
    {
        var b = new StringBuilder();
        b.AppendLine("# Turn benchmark: CareCompanion against a bare echo bot and a storing echo bot");
        b.AppendLine();
        b.AppendLine($"Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Environment.ProcessorCount} cores, " +
            $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
        b.AppendLine($"Setup: Azurite, the bots Release builds in their own processes (no authentication, background loops off), " +
            $"driven over loopback; each user sends {perUser} requests of a kind one after the other, all users at once. " +
            $"Replies go to a local connector sink. Storage round trips are counted in the bot (Azure SDK pipeline policy, each try); " +
            $"allocations per turn from GC.GetTotalAllocatedBytes in each bot process (whatever else it did meanwhile included). " +
            $"The storing echo is the echo bot upserting one Table entity per turn before it answers: the floor for a turn that stores. " +
            $"The ratio is to the storing echo for the pulse answer and the idea submit, to the plain echo for the rest.");
        b.AppendLine("Command: `./Benchmarks/run-turns.sh`");
        b.AppendLine();
        b.AppendLine("| users | activity | CareCompanion /s | p50 / p95 / p99 ms | echo /s | echo p50 / p95 / p99 ms | storing echo p50 / p95 / p99 ms | p50 ratio (to) | errors | storage round trips per turn | KB allocated per turn (echo) |");
        b.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var care in results.Where(r => r.Bot == "CareCompanion"))
        {
            var echo = Of(results, "echo", care);
            var storing = Of(results, "storing echo", care);
            var (floor, _) = FloorOf(care.Kind);
            b.AppendLine(FormattableString.Invariant(
                $"| {care.Users} | {care.Kind} | {care.Run.Throughput:F0} | {Ms(care.Run)} | {echo.Run.Throughput:F0} | {Ms(echo.Run)} | {Ms(storing.Run)} | {Ratio(results, care):F1}× ({floor}) | {care.Run.Errors} | {care.StorageOperations:F2} | {care.AllocatedKilobytes:F0} ({echo.AllocatedKilobytes:F0}) |"));
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
            $"Search with the memory capped: {capped.Teams} teams of {capped.IdeasPerTeam:N0} ideas, IdeaSearch:MaxIdeas {capped.Cap:N0}, 16 users each searching a random team: p50 / p95 / p99 {Ms(capped.Result.Run)} ms, {capped.Result.Run.Errors} errors, {capped.Result.StorageOperations:F2} storage round trips per search (a team read again takes {capped.IdeasPerTeam / 1000} round trips), {capped.Result.Run.Throughput:F0}/s."));
        b.AppendLine();
        b.AppendLine(FormattableString.Invariant(
            $"One Azurite round trip (a point read from another process, 1 user, p50 of 200): {storageFloor:F2} ms; two of them: {2 * storageFloor:F2} ms."));
        b.AppendLine();
        b.AppendLine("Targets (issues 10 and 17):");
        b.AppendLine();
        foreach (var care in results.Where(r => r.Bot == "CareCompanion" && r.Users == 16))
        {
            var (floor, target) = FloorOf(care.Kind);
            var ratio = Ratio(results, care);
            b.AppendLine(FormattableString.Invariant($"- {care.Kind}: p50 at 16 users {ratio:F1}× the {floor} bot (target ≤ {target}×): {(ratio <= target ? "met" : "missed")}; {care.StorageOperations:F2} storage round trips (target ≤ 2): {(care.StorageOperations <= 2.05 ? "met" : "missed")}."));
        }
        var echoSearch = results.Single(r => r.Bot == "echo" && r.Kind == "search" && r.Users == 16).Run.Percentile(0.5);
        var cappedRatio = capped.Result.Run.Percentile(0.5) / Math.Max(0.01, echoSearch);
        b.AppendLine(FormattableString.Invariant($"- search with the memory capped (teams read again): p50 {cappedRatio:F1}× the echo bot (target ≤ 2×): {(cappedRatio <= 2 ? "met" : "missed")}; p99 {capped.Result.Run.Percentile(0.99):F0} ms (target < 500 ms): {(capped.Result.Run.Percentile(0.99) < 500 ? "met" : "missed")}."));
        var errors64 = results.Where(r => r.Bot == "CareCompanion" && r.Users == levels.Max()).Sum(r => r.Run.Errors);
        b.AppendLine($"- errors at {levels.Max()} users: {errors64} (target 0): {(errors64 == 0 ? "met" : "missed")}.");
        var biggest = searches.MaxBy(s => s.Ideas);
        if (biggest is not null)
        {
            b.AppendLine(FormattableString.Invariant($"- search p99 over {biggest.Ideas:N0} ideas: {biggest.Run.Percentile(0.99):F0} ms (target < 500 ms): {(biggest.Run.Percentile(0.99) < 500 ? "met" : "missed")}."));
        }
        return b.ToString();
    }

    private static Result Of(List<Result> results, string bot, Result care) => results.Single(r => r.Bot == bot && r.Kind == care.Kind && r.Users == care.Users);

    private static double Ratio(List<Result> results, Result care) => care.Run.Percentile(0.5) / Math.Max(0.01, Of(results, FloorOf(care.Kind).Floor, care).Run.Percentile(0.5));
}
