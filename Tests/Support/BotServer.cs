using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Hosting;
using CareCompanion.Storage;
using CareCompanion.Storage.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareCompanion.Tests.Support;

/// <summary>The real bot host (Kestrel on a free loopback port) against a real Azurite, with a table prefix of its own.</summary>
public sealed class BotServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private BotServer(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.First();
        _http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public string BaseUrl { get; }

    public string MessagesUrl => BaseUrl + "/api/messages";

    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Starts a bot. Give two instances the same <paramref name="tablePrefix"/> to run them on shared storage, and a
    /// <paramref name="clock"/> to control time (then the background loops are off: tests drive them).
    /// </summary>
    public static async Task<BotServer> StartAsync(string storageConnectionString, int port = 0,
        IDictionary<string, string?>? settings = null, string? tablePrefix = null, TimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        tablePrefix ??= NewTablePrefix();
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storageConnectionString,
            ["Storage:TablePrefix"] = tablePrefix,
            // The same across a restart of the same run, as a Key Vault secret would be.
            ["Pulse:AnswerKeySecret"] = "test-secret-" + tablePrefix,
            ["Health:MetricsKey"] = MetricsKey,
            ["Telemetry:Console"] = "false",
            ["Delivery:MessagesPerSecond"] = "500",
            ["Delivery:MessagesPerTenantPerSecond"] = "500",
            // A conversation over Teams' 7/s is re-queued for a real second, which a test's "deliver what is queued" loop
            // would not wait for; the tests of the per-conversation limits set Teams' figures themselves.
            ["Delivery:PerConversationPerSecond"] = "500",
            ["Delivery:PerConversationPer30Seconds"] = "5000",
            ["Storage:MaxRetries"] = "1",
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = "",
        };
        if (clock is not null)
        {
            values["Scheduler:Enabled"] = "false";
            values["Delivery:Enabled"] = "false";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;

        var app = BotApp.Build(
            ["--urls", $"http://127.0.0.1:{port}", "--environment", Environments.Development],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(values);
                if (clock is not null) builder.Services.AddSingleton(clock);
                services?.Invoke(builder.Services);
            });
        await app.StartAsync();
        return new BotServer(app);
    }

    /// <summary>Posts one activity to /api/messages, as the Teams channel would.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => _http.PostAsJsonAsync("/api/messages", activity);

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public const string MetricsKey = "test-metrics-key";

    /// <summary>The instance's figures, as an operator reads them with the metrics key.</summary>
    public async Task<string> MetricsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { Bot.Hosting.BotApp.MetricsKeyHeader, MetricsKey } } };
        return await (await _http.SendAsync(request)).Content.ReadAsStringAsync();
    }

    /// <summary>Posts a raw body to /api/messages (malformed and hostile requests).</summary>
    public Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json") =>
        _http.PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, contentType));

    /// <summary>Stops this instance and leaves its storage, for a restart on the same tables.</summary>
    public async Task StopKeepingStorageAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // This run's tables and queue (the prefix is the run's own).
            foreach (var name in TableNames.All) await Get<Tables>().Get(name).DeleteAsync();
            var storage = Get<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
            await new Azure.Storage.Queues.QueueClient(storage.ConnectionString, DeliveryQueue.QueueName(storage)).DeleteIfExistsAsync();
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException)
        {
            // storage already gone (some tests stop it on purpose)
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
