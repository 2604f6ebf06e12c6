using CareCompanion.Bot.Broadcast;
using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Delivery;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareCompanion.Tests.Delivery;

/// <summary>
/// Two bot instances on one storage (same table prefix and queue), a connector sink, and a fake clock shared by
/// both. The background loops are off: the test runs scheduler passes and worker batches itself.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    public const string TenantId = "tenant-delivery";

    private TwoInstances(BotServer a, BotServer b, ConnectorSink connector, FakeTimeProvider clock)
    {
        A = a;
        B = b;
        Connector = connector;
        Clock = clock;
    }

    public BotServer A { get; }
    public BotServer B { get; }
    public ConnectorSink Connector { get; }
    public FakeTimeProvider Clock { get; }

    public JobRepository Jobs => A.Get<JobRepository>();
    public DeliveryQueue Queue => A.Get<DeliveryQueue>();

    public static async Task<TwoInstances> StartAsync(AzuriteServer azurite, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var prefix = BotServer.NewTablePrefix();
        var connector = await ConnectorSink.StartAsync();
        var a = await BotServer.StartAsync(azurite.ConnectionString, tablePrefix: prefix, clock: clock, settings: With(settings, "A"), services: services);
        var b = await BotServer.StartAsync(azurite.ConnectionString, tablePrefix: prefix, clock: clock, settings: With(settings, "B"), services: services);
        return new TwoInstances(a, b, connector, clock);
    }

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?>? settings, string instanceId) =>
        new(settings ?? new Dictionary<string, string?>()) { ["InstanceId"] = instanceId };

    /// <summary>Stores <paramref name="count"/> active personal chats in the tenant; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> SeedConversationsAsync(int count)
    {
        var repository = A.Get<ConversationRepository>();
        var ids = Enumerable.Range(0, count).Select(i => $"a:chat-{i:D5}").ToList();
        await Parallel.ForEachAsync(ids, async (id, ct) => await repository.ActivateAsync(new StoredConversation
        {
            TenantId = TenantId,
            ConversationId = id,
            Scope = ConversationScope.Personal,
            ServiceUrl = Connector.ServiceUrl,
            BotId = TeamsActivities.BotId,
            Locale = "nb-NO",
        }, ct));
        return ids;
    }

    public Task<bool> ScheduleBroadcastAsync(string jobId, DateTimeOffset dueAt) =>
        Jobs.ScheduleAsync(BroadcastJob.Create(jobId, TenantId, dueAt,
            new Dictionary<string, string> { ["nb"] = "Husk personalmøtet på torsdag.", ["en"] = "Staff meeting on Thursday." }));

    public Task<int[]> RunSchedulersConcurrentlyAsync() =>
        Task.WhenAll(A.Get<JobScheduler>().RunDueJobsAsync(default), B.Get<JobScheduler>().RunDueJobsAsync(default));

    /// <summary>Both instances' workers take batches until the queue is empty.</summary>
    public async Task DrainQueueAsync()
    {
        for (var round = 0; round < 200; round++)
        {
            var taken = await Task.WhenAll(A.Get<DeliveryWorker>().ProcessBatchAsync(default), B.Get<DeliveryWorker>().ProcessBatchAsync(default));
            if (taken.Sum() == 0) return;
        }
        throw new TimeoutException("The delivery queue did not drain.");
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
