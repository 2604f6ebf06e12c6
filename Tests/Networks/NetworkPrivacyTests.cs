using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Networks;
using CareCompanion.Cards.Privacy;
using CareCompanion.Storage;
using CareCompanion.Storage.Networks;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Networks;

/// <summary>
/// "mine data" shows what learning networks hold about a person (coordinator role and networks, practice cards with
/// their contact name, status reports, takeaways); "slett mine data" leaves no network row with their id or name, and
/// the networks, cards and reports stay for the units, unnamed.
/// </summary>
public sealed class NetworkPrivacyTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts T = Texts.For(Language.Bokmal);
    private const string Tried = "Fast ukemøte om palliative pasienter";
    private const string Takeaway = "Ringe fastlegen hver fredag";

    [Fact]
    public async Task My_data_lists_the_coordinators_network_the_practice_card_and_contact_name_the_status_report_and_the_takeaways()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var network = await CoordinatorTookPartInEverythingAsync(world);

        await world.Bot.PostAsync(world.Coordinator.PersonalMessage("mine data"));
        var export = world.Connector.SentTo(world.Coordinator.PersonalConversationId)[^1].CardText;

        Assert.Contains("\"networkCoordinator\": true", export);
        Assert.Contains($"\"Name\": \"{network.Name}\"", export);
        Assert.Contains("\"What\": \"Fast tid til overlapp\"", export);
        Assert.Contains("\"contactName\": \"Kari Nordmann\"", export);
        Assert.Contains($"\"Tried\": \"{Tried}\"", export);
        Assert.Contains("\"sentIt\": true", export);
        Assert.Contains(Takeaway, export);
        Assert.Contains($"\"practiceAdoptions\": \"{T["privacy.export.adoptions"]}\"", export);
    }

    [Fact]
    public async Task Delete_my_data_leaves_no_network_row_with_the_persons_id_or_name_and_the_units_keep_the_card_and_the_report_unnamed()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var network = await CoordinatorTookPartInEverythingAsync(world);
        var me = world.Coordinator;
        string[] networkTables = [TableNames.Networks, TableNames.Practices, TableNames.NetworkReports];
        Assert.Contains(StorageScan.RowsHolding(world.Bot, me.UserAadObjectId, me.UserId), row => networkTables.Any(row.StartsWith));
        Assert.NotEmpty(StorageScan.RowsHolding(world.Bot, Takeaway));

        await world.SendAsync(me.PersonalCardAction(PrivacyVerbs.Delete, new JsonObject { ["for"] = me.UserAadObjectId }, me.UserAadObjectId));

        Assert.Empty(StorageScan.RowsHolding(world.Bot, me.UserAadObjectId, me.UserId));
        Assert.DoesNotContain(StorageScan.RowsHolding(world.Bot, "Kari Nordmann"), row => networkTables.Any(row.StartsWith) || row.StartsWith(TableNames.Jobs));
        Assert.Empty(StorageScan.RowsHolding(world.Bot, Takeaway)); // the job that posted them, and its deliveries
        var card = Assert.Single(await world.Bot.Get<PracticeRepository>().ListAsync("network|" + network.NetworkId));
        Assert.Equal(("Fast tid til overlapp", null, null), (card.What, card.ContactName, card.SharedByAadObjectId));
        var report = await world.Bot.Get<NetworkReportRepository>().GetAsync(network.NetworkId, NetworkWorld.Meeting, world.A.TenantId, world.A.TeamId);
        Assert.Equal((Tried, true, 0), (report!.Tried, report.SentAt is not null, report.Writers.Count));
        var stored = await world.Networks.GetAsync(network.HostTenantId, network.NetworkId);
        Assert.Equal((2, (string?)null), (stored!.Current.Count(), stored.CoordinatorAadObjectId));
        Assert.Empty((await world.Networks.SettingsAsync(world.A.TenantId)).Coordinators);
        Assert.Equal(["Fast tid til overlapp"], await world.SearchAsync(world.B, "overlapp"));
    }

    /// <summary>
    /// The coordinator (also a leader of team A) creates the network, shares a practice card into it named as contact,
    /// writes and sends team A's status, and after the meeting brings takeaways home; Skaun's team says it tried the card too.
    /// </summary>
    private static async Task<Network> CoordinatorTookPartInEverythingAsync(NetworkWorld world)
    {
        var (a, me) = (world.A, world.Coordinator);
        await world.Bot.Get<RoleRepository>().GrantAsync(a.TenantId, a.TeamId, me.UserAadObjectId, Role.Leader, teamsUserId: me.UserId);
        var network = await NetworkTests.InNetworkAsync(world);
        var idea = await NetworkTests.TryingIdeaAsync(world, anonymous: true);
        var share = NetworkTests.Share(a.TeamId, idea.IdeaId, "Fast tid til overlapp", "network:" + network.NetworkId);
        share["contact"] = "true";
        await world.SendAsync(me.ChannelCardAction(PracticeVerbs.Share, share, me.UserAadObjectId));
        var card = Assert.Single(await world.Bot.Get<PracticeRepository>().ListAsync("network|" + network.NetworkId));
        await world.SendAsync(world.B.ChannelCardAction(PracticeVerbs.Adopt, new JsonObject { ["where"] = card.Partition, ["practice"] = card.PracticeId },
            world.B.UserAadObjectId));
        await world.SendAsync(me.ChannelCardAction(NetworkVerbs.SendReport, new JsonObject
        {
            ["team"] = a.TeamId, ["host"] = network.HostTenantId, ["network"] = network.NetworkId, ["meeting"] = "2027-02-10",
            ["tried"] = Tried, ["happened"] = "Færre innleggelser", ["next"] = "Ta med fastlegen", ["help"] = "Nattevakta",
        }, me.UserAadObjectId));
        var dayAfter = new DateTimeOffset(NetworkWorld.Meeting.AddDays(1).ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);
        await world.RunAtAsync(dayAfter);
        Assert.Equal(T["network.takeaways.thanks"], await world.SendAsync(me.PersonalCardAction(NetworkVerbs.Takeaways, new JsonObject
        {
            ["team"] = a.TeamId, ["host"] = network.HostTenantId, ["network"] = network.NetworkId, ["meeting"] = "2027-02-10", ["takeaway1"] = Takeaway,
        }, me.UserAadObjectId)));
        await world.RunAtAsync(dayAfter.AddMinutes(5));
        return network;
    }
}
