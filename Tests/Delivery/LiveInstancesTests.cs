using CareCompanion.Bot.Delivery;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Delivery;

public sealed class LiveInstancesTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Instances_share_the_send_rate_while_alive_and_a_silent_one_gives_its_share_back()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        var a = bots.A.Get<LiveInstances>();
        var b = bots.B.Get<LiveInstances>();

        await a.BeatAsync(default);
        await b.BeatAsync(default);
        await a.BeatAsync(default);
        Assert.Equal((2, 2), (a.Count, b.Count));
        Assert.Contains("\"liveInstances\":2", await bots.B.MetricsAsync());

        // A dies: B keeps beating and, once A has missed three heartbeats (10 s each), sends at the whole rate.
        bots.Clock.Advance(TimeSpan.FromSeconds(20));
        await b.BeatAsync(default);
        Assert.Equal(2, b.Count);
        bots.Clock.Advance(TimeSpan.FromSeconds(11));
        await b.BeatAsync(default);
        Assert.Equal(1, b.Count);
    }
}
