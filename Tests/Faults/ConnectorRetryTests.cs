using CareCompanion.Bot.Delivery;
using CareCompanion.Storage.Delivery;
using CareCompanion.Tests.Delivery;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Faults;

/// <summary>
/// A post that failed with a server error may have been posted all the same: sending it again at once would show it twice
/// in the channel (security review L3). A refusal (429) was not posted, and is sent again after Retry-After.
/// </summary>
public sealed class ConnectorRetryTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(408)]
    public async Task A_post_that_failed_with_a_server_error_is_not_sent_again_at_once(int status)
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        const string chat = "a:chat-server-error";
        bots.Connector.Refuse = (_, previous) => previous == 0 ? (status, null) : null;
        await bots.Queue.EnqueueAsync(new DeliveryMessage
        {
            JobId = "job-server-error",
            TenantId = TwoInstances.TenantId,
            ConversationId = chat,
            ServiceUrl = bots.Connector.ServiceUrl,
            BotId = TeamsActivities.BotId,
            ActivityJson = """{"type":"message","text":"Ukens spørsmål"}""",
        }, default);

        var sending = bots.A.Get<DeliveryWorker>().ProcessBatchAsync(default);
        for (var i = 0; i < 100 && bots.Connector.AttemptsTo(chat).Count == 0; i++) await Task.Delay(50);
        await Task.Delay(300); // the answer reaches the bot, and a retry would start its wait
        bots.Clock.Advance(TimeSpan.FromSeconds(30)); // past any back-off an immediate retry would wait on the bot's clock
        await sending.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(300);

        Assert.Equal([status], bots.Connector.AttemptsTo(chat).Select(a => a.Status));
        Assert.NotEqual(DeliveryState.Sent, (await bots.A.Get<DeliveryRepository>().GetAsync(TwoInstances.TenantId, "job-server-error", chat))?.State);
    }
}
