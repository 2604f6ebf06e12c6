using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Tests.Support;

namespace CareCompanion.Benchmarks.Turns;

/// <summary>A bot under test: a Release build in its own process, without authentication (Development), background loops off.</summary>
public sealed class Bots(ChildProcess process, int port) : IAsyncDisposable
{
    public string MessagesUrl => $"http://127.0.0.1:{port}/api/messages";

    public static async Task<Bots> StartAsync(string dll, string? storage, string? prefix, IDictionary<string, string>? settings = null)
    {
        var path = Path.Combine(RepoPaths.Root, dll);
        var port = ChildProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Health__MetricsKey"] = MetricsKey,
            ["Scheduler__Enabled"] = "false",
            ["Delivery__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Telemetry__Console"] = "false", // spans and metrics are still made; printing them is not what is measured
        };
        if (storage is not null) environment["Storage__ConnectionString"] = storage;
        if (prefix is not null) environment["Storage__TablePrefix"] = prefix;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var process = ChildProcess.Start("dotnet", [path, "--urls", $"http://127.0.0.1:{port}"], Path.GetDirectoryName(path), environment);
        await process.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        return new Bots(process, port);
    }

    private const string MetricsKey = "benchmark";

    /// <summary>Table Storage round trips (none for the echo bot) and bytes allocated so far, from the bot's /metrics.</summary>
    public async Task<Counters> CountersAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/metrics") { Headers = { { "X-Metrics-Key", MetricsKey } } };
        var health = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>();
        return new Counters(health?["storageOperations"]?.GetValue<long>() ?? 0, health?["allocatedBytes"]?.GetValue<long>() ?? 0);
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}

public sealed record Counters(long StorageOperations, long AllocatedBytes)
{
    /// <summary>Per turn, from the counters before <paramref name="turns"/> turns to these.</summary>
    public (double StorageOperations, double AllocatedKilobytes) PerTurnSince(Counters before, int turns) =>
        ((StorageOperations - before.StorageOperations) / (double)turns, (AllocatedBytes - before.AllocatedBytes) / 1024.0 / turns);
}
