using System.Text.Json.Nodes;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Networks;

/// <summary>The nightly sweep on network rows, with the fake clock: old status reports go, cards of a team that left go, other cards lose the sharer's id.</summary>
public sealed class NetworkRetentionTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task After_the_retention_period_a_meetings_reports_are_deleted_a_card_of_a_team_that_left_is_deleted_and_other_cards_stay_without_the_sharer()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var network = await NetworkTests.InNetworkAsync(world);
        var idea = await NetworkTests.TryingIdeaAsync(world, anonymous: false);
        var a = world.A;
        foreach (var (what, scope) in new[] { ("Overlapp i nettverket", "network:" + network.NetworkId), ("Overlapp i kommunen", "tenant") })
        {
            await world.SendAsync(a.ChannelCardAction(PracticeVerbs.Share, NetworkTests.Share(a.TeamId, idea.IdeaId, what, scope), a.UserAadObjectId));
        }
        await world.SendAsync(world.B.ChannelCardAction(NetworkVerbs.SendReport, new JsonObject
        {
            ["team"] = world.B.TeamId, ["host"] = network.HostTenantId, ["network"] = network.NetworkId, ["meeting"] = "2027-02-10", ["tried"] = "Fast ukemøte",
        }, world.B.UserAadObjectId));
        await world.SendAsync(a.ChannelCardAction(NetworkVerbs.Leave,
            new JsonObject { ["team"] = a.TeamId, ["host"] = network.HostTenantId, ["network"] = network.NetworkId }, a.UserAadObjectId));
        var reports = world.Bot.Get<NetworkReportRepository>();
        var practices = world.Bot.Get<PracticeRepository>();

        // 24 months (the default) after the sharing and the leaving, but not yet after the meeting.
        await world.RunAtAsync(new DateTimeOffset(2029, 2, 9, 3, 0, 0, TimeSpan.Zero));
        var reportBefore = await reports.GetAsync(network.NetworkId, NetworkWorld.Meeting, world.B.TenantId, world.B.TeamId);
        await world.RunAtAsync(new DateTimeOffset(2029, 2, 11, 3, 0, 0, TimeSpan.Zero));

        Assert.Equal("Fast ukemøte", reportBefore?.Tried);
        Assert.Null(await reports.GetAsync(network.NetworkId, NetworkWorld.Meeting, world.B.TenantId, world.B.TeamId));
        Assert.Empty(await practices.ListAsync("network|" + network.NetworkId));
        var kept = Assert.Single(await practices.ListAsync("tenant|" + a.TenantId));
        Assert.Equal(("Overlapp i kommunen", null), (kept.What, kept.SharedByAadObjectId));
        Assert.Equal(["Overlapp i kommunen"], (await world.SearchAsync(world.A2, "overlapp")));
    }
}
