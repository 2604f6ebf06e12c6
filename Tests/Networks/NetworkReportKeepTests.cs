using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Networks;

/// <summary>
/// Teams leaves empty inputs out of a tap, and a leader may send from a copy of the status card that does not show what
/// a colleague saved since: what the team saved must not be wiped by a send that carries no text, and an empty status
/// is not sent to the network.
/// </summary>
public sealed class NetworkReportKeepTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts T = Texts.For(Language.Bokmal);

    [Fact]
    public async Task A_send_without_the_fields_keeps_what_a_colleague_saved_and_an_empty_status_is_not_sent()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        await world.SettingsAsync(world.A, crossTenant: true, "Melhus", world.Coordinator.UserAadObjectId);
        await world.SettingsAsync(world.B, crossTenant: true, "Skaun");
        var network = await world.CreateNetworkAsync();
        var b = world.B;
        await world.SendAsync(b.ChannelCardAction(NetworkVerbs.Join, new JsonObject { ["team"] = b.TeamId, ["code"] = network.JoinCode }, b.UserAadObjectId));
        JsonObject Card() => new() { ["team"] = b.TeamId, ["host"] = network.HostTenantId, ["network"] = network.NetworkId, ["meeting"] = "2027-02-10" };
        var reports = world.Bot.Get<NetworkReportRepository>();

        var emptySend = await world.SendAsync(b.ChannelCardAction(NetworkVerbs.SendReport, Card(), b.UserAadObjectId));
        var unsent = await reports.GetAsync(network.NetworkId, NetworkWorld.Meeting, b.TenantId, b.TeamId);
        var saved = Card();
        saved["tried"] = "Fast ukemøte om palliative pasienter";
        await world.SendAsync(b.ChannelCardAction(NetworkVerbs.SaveReport, saved, world.Member(b).UserAadObjectId));
        var sent = await world.SendAsync(b.ChannelCardAction(NetworkVerbs.SendReport, Card(), b.UserAadObjectId));
        var report = (await reports.GetAsync(network.NetworkId, NetworkWorld.Meeting, b.TenantId, b.TeamId))!;

        Assert.Contains(T["network.status.emptyNotice"], emptySend);
        Assert.Null(unsent?.SentAt);
        Assert.Contains(T["network.status.sentNotice"], sent);
        Assert.Equal("Fast ukemøte om palliative pasienter", report.Tried);
        Assert.NotNull(report.SentAt);
    }
}
