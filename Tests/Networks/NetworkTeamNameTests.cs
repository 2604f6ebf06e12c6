using System.Text.Json.Nodes;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Networks;

/// <summary>
/// Teams sends a team's name with its install and rename events, not with a card tap (the Agents Playground showed it:
/// the coordinator read "team-id" where the unit's name belonged). The network must still name the team as installed.
/// </summary>
public sealed class NetworkTeamNameTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_team_that_joins_and_reports_with_card_taps_that_carry_no_team_name_is_named_as_installed_not_by_its_id()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        await world.SettingsAsync(world.A, crossTenant: true, "Melhus", world.Coordinator.UserAadObjectId);
        await world.SettingsAsync(world.B, crossTenant: true, "Skaun");
        var network = await world.CreateNetworkAsync();
        var b = world.B;

        await world.SendAsync(Unnamed(b.ChannelCardAction(NetworkVerbs.Join, new JsonObject { ["team"] = b.TeamId, ["code"] = network.JoinCode }, b.UserAadObjectId)));
        await world.SendAsync(Unnamed(b.ChannelCardAction(NetworkVerbs.SendReport, new JsonObject
        {
            ["team"] = b.TeamId, ["host"] = network.HostTenantId, ["network"] = network.NetworkId, ["meeting"] = "2027-02-10", ["tried"] = "Fast ukemøte",
        }, b.UserAadObjectId)));

        var member = (await world.Networks.GetAsync(network.HostTenantId, network.NetworkId))!.Current.Single(m => m.TeamId == b.TeamId);
        var report = (await world.Bot.Get<NetworkReportRepository>().GetAsync(network.NetworkId, NetworkWorld.Meeting, b.TenantId, b.TeamId))!;
        Assert.Equal(("Sjukeheimen avd. 2", "Sjukeheimen avd. 2", "Fast ukemøte"), (member.TeamName, report.TeamName, report.Tried));
    }

    private static JsonObject Unnamed(JsonObject activity)
    {
        activity["channelData"]!["team"]!.AsObject().Remove("name");
        return activity;
    }
}
