using System.Net;
using System.Text.Json.Nodes;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Faults;

/// <summary>/readyz, as the App Service health check and Docker's HEALTHCHECK read it: storage and the delivery queue, up or down, nothing else.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task The_bot_is_not_ready_while_the_delivery_queue_is_down_even_with_tables_up_and_ready_again_after()
    {
        await using var azurite = await AzuriteServer.WithOutagesAsync();
        await using var bot = await BotServer.StartAsync(azurite.ConnectionString);

        azurite.QueueGoesDown();
        var down = await bot.GetAsync("/readyz");
        azurite.ComeBack();
        var up = await bot.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("""{"status":"unavailable","storage":"up","queue":"down"}""", await down.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal("""{"status":"ready","storage":"up","queue":"up"}""", await up.Content.ReadAsStringAsync());
    }
}
