using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CareCompanion.Benchmarks.Turns;

public sealed record Run(List<double> Latencies, int Errors, double Seconds)
{
    public double Throughput => Latencies.Count / Seconds;

    public double Percentile(double p)
    {
        var sorted = Latencies.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>N simulated users, each sending its requests one after the other, all users at once.</summary>
public static class Load
{
    public static async Task<Run> RunAsync(HttpClient http, string url, Func<int, JsonObject> activity, int users, int perUser)
    {
        var latencies = new List<double>();
        var errors = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, users).Select(async user =>
        {
            for (var r = 0; r < perUser; r++)
            {
                var body = activity(user * 1000 + r + Random.Shared.Next(1_000_000) * 1000);
                var watch = Stopwatch.StartNew();
                bool ok;
                try
                {
                    using var response = await http.PostAsJsonAsync(url, body);
                    ok = response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }
                watch.Stop();
                lock (latencies)
                {
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    if (!ok) errors++;
                }
            }
        }));
        return new Run(latencies, errors, total.Elapsed.TotalSeconds);
    }
}
