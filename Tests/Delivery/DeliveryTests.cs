using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Telemetry;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Delivery;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Delivery;

public sealed class DeliveryTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static DeliveryMessage MessageTo(TwoInstances bots, string conversationId, string jobId) => new()
    {
        JobId = jobId,
        TenantId = TwoInstances.TenantId,
        ConversationId = conversationId,
        ServiceUrl = bots.Connector.ServiceUrl,
        BotId = TeamsActivities.BotId,
        ActivityJson = """{"type":"message","text":"Hei fra CareCompanion"}""",
    };

    [Fact]
    public async Task A_redelivered_queue_message_is_not_sent_twice()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        var message = MessageTo(bots, "a:chat-redelivered", "job-redelivery");

        await bots.Queue.EnqueueAsync(message, default);
        await bots.DrainQueueAsync();
        await bots.Queue.EnqueueAsync(message, default); // the same message again, as the queue may deliver it
        await bots.Queue.EnqueueAsync(message, default);
        await bots.DrainQueueAsync();

        Assert.Single(bots.Connector.SentTo("a:chat-redelivered"));
        Assert.Equal(0, await bots.Queue.ApproximateCountAsync());
        Assert.Equal(DeliveryState.Sent, (await bots.A.Get<DeliveryRepository>().GetAsync(TwoInstances.TenantId, "job-redelivery", "a:chat-redelivered"))?.State);
    }

    [Fact]
    public async Task A_stored_connector_address_that_is_not_Teams_gets_nothing_not_even_the_bot_token()
    {
        // As in production, where the connector sink's loopback address is no Teams host.
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite, new Dictionary<string, string?> { ["Bot:AllowLoopbackServiceUrl"] = "false" });
        var message = MessageTo(bots, "a:chat-redirected", "job-redirected");

        await bots.Queue.EnqueueAsync(message, default);
        await bots.DrainQueueAsync();

        Assert.Empty(bots.Connector.AttemptsTo("a:chat-redirected"));
        Assert.Equal(DeliveryState.Failed, (await bots.A.Get<DeliveryRepository>().GetAsync(TwoInstances.TenantId, "job-redirected", "a:chat-redirected"))?.State);
    }

    [Fact]
    public async Task A_post_under_way_when_the_instance_stops_is_recorded_and_not_sent_again()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        var message = MessageTo(bots, "a:chat-deploy", "job-deploy");
        var arrived = new TaskCompletionSource();
        var answer = new TaskCompletionSource();
        bots.Connector.BeforeAnswer = async _ =>
        {
            arrived.TrySetResult();
            await answer.Task;
        };
        await bots.Queue.EnqueueAsync(message, default);
        using var stopping = new CancellationTokenSource();

        // Instance A is stopped (a deployment) while Teams, which has the post, is answering.
        var batch = bots.A.Get<DeliveryWorker>().ProcessBatchAsync(stopping.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.CancelAsync();
        answer.SetResult();
        try
        {
            await batch;
        }
        catch (OperationCanceledException)
        {
        }
        bots.Connector.BeforeAnswer = null;
        // The queue message comes back after its claim ran out, and instance B takes it.
        await bots.Queue.EnqueueAsync(message, default);
        bots.Clock.Advance(TimeSpan.FromMinutes(3));
        await bots.DrainQueueAsync();

        Assert.Single(bots.Connector.SentTo("a:chat-deploy"));
        Assert.Equal(DeliveryState.Sent, (await bots.A.Get<DeliveryRepository>().GetAsync(TwoInstances.TenantId, "job-deploy", "a:chat-deploy"))?.State);
    }

    [Fact]
    public async Task A_delivery_claimed_by_a_crashed_worker_is_sent_once_its_lease_runs_out()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        var message = MessageTo(bots, "a:chat-orphan", "job-orphan");
        // Worker "dead" claimed the delivery and died before sending.
        var (claim, _) = await bots.A.Get<DeliveryRepository>().TryClaimAsync(message, "dead", bots.Clock.GetUtcNow(), TimeSpan.FromMinutes(2), default);
        Assert.Equal(ClaimResult.Claimed, claim);
        await bots.Queue.EnqueueAsync(message, default);

        await bots.B.Get<DeliveryWorker>().ProcessBatchAsync(default);
        Assert.Empty(bots.Connector.SentTo("a:chat-orphan")); // still leased by the dead worker

        bots.Clock.Advance(TimeSpan.FromMinutes(3));
        await bots.Queue.EnqueueAsync(message, default); // the queue hands the message out again after its visibility timeout
        await bots.DrainQueueAsync();

        Assert.Single(bots.Connector.SentTo("a:chat-orphan"));
    }

    [Fact]
    public async Task On_429_the_sender_waits_Retry_After_and_delivers_once()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        using var measured = new BotMeasurements(bots.A);
        bots.Connector.Refuse = (_, previous) => previous == 0 ? (429, 2) : null;
        await bots.Queue.EnqueueAsync(MessageTo(bots, "a:chat-throttled", "job-429"), default);

        // The retry waits on the bot's clock (the test's fake one), so the test decides when Retry-After has passed.
        var sending = bots.A.Get<DeliveryWorker>().ProcessBatchAsync(default);
        await WaitUntil(() => bots.Connector.AttemptsTo("a:chat-throttled").Count == 1);
        await Task.Delay(300);
        bots.Clock.Advance(TimeSpan.FromSeconds(1.5));
        await Task.Delay(300);
        Assert.Single(bots.Connector.AttemptsTo("a:chat-throttled")); // 2 s have not passed yet
        bots.Clock.Advance(TimeSpan.FromSeconds(0.6));
        await sending;

        Assert.Equal([429, 201], bots.Connector.AttemptsTo("a:chat-throttled").Select(a => a.Status));
        var counted = new[] { "retried", "throttled", "sent", "failed" }
            .Select(name => measured.Values($"carecompanion.delivery.{name}", $"{BotTelemetry.JobKind}=other").Sum());
        Assert.Equal([1, 1, 1, 0], counted); // "job-429" is no job id of a known kind: counted as "other"
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task A_conversation_the_bot_was_removed_from_is_deactivated_not_retried(int status)
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        var ids = await bots.SeedConversationsAsync(2);
        var gone = ids[0];
        bots.Connector.Refuse = (conversation, _) => conversation == gone ? (status, null) : null;
        await bots.Queue.EnqueueAsync(MessageTo(bots, gone, "job-gone"), default);
        await bots.Queue.EnqueueAsync(MessageTo(bots, ids[1], "job-gone"), default);

        await bots.DrainQueueAsync();

        Assert.Single(bots.Connector.AttemptsTo(gone));
        Assert.Single(bots.Connector.SentTo(ids[1]));
        var conversations = bots.A.Get<ConversationRepository>();
        Assert.False((await conversations.GetAsync(TwoInstances.TenantId, gone))!.Active);
        Assert.True((await conversations.GetAsync(TwoInstances.TenantId, ids[1]))!.Active);
        var delivery = await bots.A.Get<DeliveryRepository>().GetAsync(TwoInstances.TenantId, "job-gone", gone);
        Assert.Equal((DeliveryState.Failed, $"HTTP {status}", (string?)null), (delivery?.State, delivery?.FailureReason, delivery?.ActivityId));
        Assert.Equal(0, await bots.Queue.ApproximateCountAsync());
    }
}
