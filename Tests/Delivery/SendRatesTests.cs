using CareCompanion.Bot.Delivery;
using CareCompanion.Storage.Delivery;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareCompanion.Tests.Delivery;

/// <summary>
/// Each tenant gets Teams' rate for itself, a 429 slows only its tenant, and a flooded conversation holds up no other.
/// The send limits run on a fake clock here, moved on a step per round; the queue hands a message put back out again
/// at once (MaxRequeueDelay 0), behind the ones that waited longer.
/// </summary>
public sealed class SendRatesTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private sealed record Round(int Number, SentActivity Post);

    private static async Task<(TwoInstances Bots, FakeTimeProvider Rates)> StartAsync(AzuriteServer azurite, Dictionary<string, string?> settings)
    {
        var rates = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        settings["Delivery:MaxRequeueDelay"] = "00:00:00";
        settings["Delivery:MaxWaitInSender"] = "00:00:00"; // the send clock stands still while a batch runs
        settings["Delivery:MaxInstances"] = "1";
        settings["Delivery:MessagesPerSecond"] = "0";
        settings["Delivery:PerConversationPerSecond"] = "7"; // Teams' limits (the tests' bots otherwise lift them)
        settings["Delivery:PerConversationPer30Seconds"] = "60";
        var bots = await TwoInstances.StartAsync(azurite, settings, services => services.AddSingleton(new SendClock(rates)));
        return (bots, rates);
    }

    private static DeliveryMessage Message(TwoInstances bots, string tenant, string conversation, string jobId, string text = "Hei") => new()
    {
        JobId = jobId,
        TenantId = tenant,
        ConversationId = conversation,
        ServiceUrl = bots.Connector.ServiceUrl,
        BotId = TeamsActivities.BotId,
        ActivityJson = $$"""{"type":"message","text":"{{text}}"}""",
    };

    private static async Task EnqueueAsync(TwoInstances bots, IEnumerable<DeliveryMessage> messages)
    {
        foreach (var message in messages) await bots.Queue.EnqueueAsync(message, default);
    }

    /// <summary>Rounds of: instance A takes one batch off the queue, then the send clock moves on by <paramref name="step"/>.</summary>
    private static async Task<List<Round>> RunAsync(TwoInstances bots, FakeTimeProvider rates, int rounds, TimeSpan step, Func<bool>? done = null)
    {
        var posts = new List<Round>();
        for (var round = 0; round < rounds && !(done?.Invoke() ?? false); round++)
        {
            var before = bots.Connector.Sent.Count;
            await bots.A.Get<DeliveryWorker>().ProcessBatchAsync(default);
            posts.AddRange(bots.Connector.Sent.Skip(before).Select(post => new Round(round, post)));
            rates.Advance(step);
        }
        return posts;
    }

    [Fact]
    public async Task Two_tenants_each_get_their_own_rate()
    {
        var (bots, rates) = await StartAsync(fixture.Azurite, new() { ["Delivery:MessagesPerTenantPerSecond"] = "5" });
        await using var _ = bots;
        await EnqueueAsync(bots, Enumerable.Range(0, 30).SelectMany(i => new[]
        {
            Message(bots, "tenant-1", $"a:t1-chat-{i:D2}", "job-rates"),
            Message(bots, "tenant-2", $"a:t2-chat-{i:D2}", "job-rates"),
        }));

        var posts = await RunAsync(bots, rates, rounds: 10, step: TimeSpan.FromSeconds(0.2));

        // Five rounds are one second on the send clock.
        var perTenantPerSecond = posts.GroupBy(p => (Tenant: p.Post.ConversationId[..4], Second: p.Number / 5)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, perTenantPerSecond.Count);
        Assert.All(perTenantPerSecond.Values, count => Assert.InRange(count, 4, 5));
    }

    [Fact]
    public async Task A_429_with_Retry_After_from_one_tenant_slows_that_tenant_only()
    {
        var (bots, rates) = await StartAsync(fixture.Azurite, new() { ["Delivery:MessagesPerTenantPerSecond"] = "5" });
        await using var _ = bots;
        bots.Connector.Refuse = (conversation, previous) => conversation == "a:t1-throttled" && previous == 0 ? (429, 3) : null;
        await EnqueueAsync(bots, [Message(bots, "tenant-1", "a:t1-throttled", "job-429")]);
        // The refused send waits out Retry-After in its retry, on the bot's clock, which this test holds still.
        var retrying = bots.A.Get<DeliveryWorker>().ProcessBatchAsync(default);
        for (var i = 0; i < 100 && bots.Connector.AttemptsTo("a:t1-throttled").Count == 0; i++) await Task.Delay(50);
        await EnqueueAsync(bots, Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            Message(bots, "tenant-1", $"a:t1-chat-{i:D2}", "job-429"),
            Message(bots, "tenant-2", $"a:t2-chat-{i:D2}", "job-429"),
        }));

        var posts = await RunAsync(bots, rates, rounds: 20, step: TimeSpan.FromSeconds(0.2));
        bots.Clock.Advance(TimeSpan.FromSeconds(3));
        await retrying;

        var paused = posts.Where(p => p.Number < 14).ToList(); // rounds within the 3 s of Retry-After on the send clock
        Assert.DoesNotContain(paused, p => p.Post.ConversationId.StartsWith("a:t1"));
        Assert.InRange(paused.Count(p => p.Post.ConversationId.StartsWith("a:t2")), 13, 14);
        Assert.InRange(posts.Count(p => p.Number >= 15 && p.Post.ConversationId.StartsWith("a:t1")), 4, 5);
        Assert.Equal([429, 201], bots.Connector.AttemptsTo("a:t1-throttled").Select(a => a.Status));
    }

    [Fact]
    public async Task A_flooded_conversation_holds_up_no_other_and_everything_arrives_once()
    {
        var (bots, rates) = await StartAsync(fixture.Azurite, new() { ["Delivery:MessagesPerTenantPerSecond"] = "500" });
        await using var _ = bots;
        var flood = Enumerable.Range(0, 200).Select(i => Message(bots, "tenant-1", "a:flooded", $"job-flood-{i:D3}", $"flood {i}"));
        var others = Enumerable.Range(0, 50).Select(i => Message(bots, "tenant-1", $"a:other-{i:D2}", "job-others", $"other {i}"));
        await EnqueueAsync(bots, flood.Concat(others));

        var posts = await RunAsync(bots, rates, rounds: 400, step: TimeSpan.FromSeconds(1), done: () => bots.Connector.Sent.Count >= 250);
        await Task.Delay(500);

        var lastOther = posts.Where(p => p.Post.ConversationId != "a:flooded").Max(p => p.Number);
        var lastFlooded = posts.Where(p => p.Post.ConversationId == "a:flooded").Max(p => p.Number);
        Assert.True(lastOther < 10, $"the other 50 were done in round {lastOther}");
        Assert.True(lastFlooded > 90, $"the flood was done in round {lastFlooded}"); // 60 per 30 s
        Assert.Equal(50, bots.Connector.Sent.Where(s => s.ConversationId != "a:flooded").Select(s => s.Text).Distinct().Count());
        Assert.Equal(200, bots.Connector.SentTo("a:flooded").Select(s => s.Text).Distinct().Count());
        Assert.Equal(250, bots.Connector.Sent.Count); // none twice
    }
}
