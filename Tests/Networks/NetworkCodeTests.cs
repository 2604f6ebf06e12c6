using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Networks;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Networks;

/// <summary>The coordinator renews a network's join code: the old one stops working at once, teams already in stay.</summary>
public sealed class NetworkCodeTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts T = Texts.For(Language.Bokmal);

    [Fact]
    public async Task After_the_coordinator_renews_the_code_the_old_one_is_refused_in_the_leaders_language_the_new_one_works_and_members_stay()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var network = await NetworkTests.InNetworkAsync(world);
        var renew = new JsonObject { ["host"] = network.HostTenantId, ["network"] = network.NetworkId };

        var renewed = await world.SendAsync(world.Coordinator.PersonalCardAction(NetworkVerbs.RenewCode, renew, world.Coordinator.UserAadObjectId));
        var stored = (await world.Networks.GetAsync(network.HostTenantId, network.NetworkId))!;
        var withOld = await world.SendAsync(world.A2.ChannelCardAction(NetworkVerbs.Join,
            new JsonObject { ["team"] = world.A2.TeamId, ["code"] = network.JoinCode }, world.A2.UserAadObjectId, locale: "nn-NO"));
        var withNew = await world.JoinAsync(world.A2, stored.JoinCode);
        var members = (await world.Networks.GetAsync(network.HostTenantId, network.NetworkId))!.Current.Select(m => m.TeamId);

        Assert.NotEqual(network.JoinCode, stored.JoinCode);
        Assert.Contains(T.Format("network.code.renewed", network.Name, stored.JoinCode), renewed);
        Assert.Contains(Texts.For(Language.Nynorsk)["network.join.renewedCode"], withOld);
        Assert.Contains(T.Format("network.join.joined", network.Name), withNew);
        Assert.Equal(new[] { world.A.TeamId, world.A2.TeamId, world.B.TeamId }.Order(), members.Order());
    }

    [Fact]
    public async Task Another_coordinator_of_the_same_municipality_cannot_renew_the_code()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var network = await NetworkTests.InNetworkAsync(world);
        var other = world.Member(world.A);
        await world.Bot.PostAsync(other.InstallPersonal());
        await world.SettingsAsync(world.A, crossTenant: true, "Melhus", world.Coordinator.UserAadObjectId, other.UserAadObjectId);

        var refused = await world.SendAsync(other.PersonalCardAction(NetworkVerbs.RenewCode,
            new JsonObject { ["host"] = network.HostTenantId, ["network"] = network.NetworkId }, other.UserAadObjectId));

        Assert.Equal(T["network.code.notYours"], refused);
        Assert.Equal(network.JoinCode, (await world.Networks.GetAsync(network.HostTenantId, network.NetworkId))!.JoinCode);
    }
}
