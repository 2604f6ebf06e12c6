using System.Text.Json.Nodes;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Privacy;
using CareCompanion.Storage;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Hms;

/// <summary>"mine data" shows a person's place in the HMS group and their named inputs; "slett mine data" leaves neither with their id or name.</summary>
public sealed class HmsPrivacyTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_members_place_and_named_inputs_are_in_their_export_and_gone_with_their_data()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        var me = team.Teams.UserAadObjectId;
        await team.CreateGroupAsync();
        var per = await team.NameAndConfirmAsync("Per Verneombud", Role.Verneombud, Tuesday.AddMinutes(1));
        await team.SendAsync(team.Teams.ChannelCardAction(HmsVerbs.StartCircle,
            new JsonObject { ["team"] = team.Teams.TeamId, ["circleTeam"] = team.Teams.TeamId, ["topic"] = "Overlapp" }, me));
        var circle = Assert.Single(await team.Bot.Get<CircleRepository>().ListAsync(team.Teams.TenantId, team.Teams.TeamId));
        await team.SendAsync(team.Teams.PersonalCardAction(HmsVerbs.Schedule, new JsonObject
        {
            ["team"] = team.Teams.TeamId, ["circle"] = circle.CircleId, ["phase"] = "0", ["date"] = "2026-12-08", ["time"] = "14:30",
        }, per));
        await team.RunAtAsync(new DateTimeOffset(2026, 12, 8, 13, 30, 0, TimeSpan.Zero));
        JsonObject On(JsonObject extra)
        {
            var data = new JsonObject { ["team"] = team.Teams.TeamId, ["circle"] = circle.CircleId, ["phase"] = "0" };
            foreach (var (key, value) in extra) data[key] = value?.DeepClone();
            return data;
        }
        await team.SendAsync(team.Teams.ChannelCardAction(HmsVerbs.Worksheet, On(new() { ["cameUp"] = "Beskjeder blir borte." }), per));
        await team.SendAsync(team.Teams.ChannelCardAction(HmsVerbs.Input, On(new() { ["input"] = "Mitt innspill med navn", ["anonymous"] = "false" }), me));

        await team.Bot.PostAsync(team.Teams.PersonalMessage("mine data"));
        var export = team.Connector.SentTo(team.Teams.PersonalConversationId)[^1].CardText;
        await team.SendAsync(team.Teams.PersonalCardAction(PrivacyVerbs.Delete, new JsonObject { ["for"] = me }, me));

        Assert.Contains("Mitt innspill med navn", export);
        Assert.Contains("\"Role\": \"leader\"", export);
        var stored = (await team.Bot.Get<CircleRepository>().ListAsync(team.Teams.TenantId, team.Teams.TeamId)).Single().PhaseOf(0)!.Inputs.Single();
        Assert.Equal(("Mitt innspill med navn", null, null), (stored.Text, stored.ByAadObjectId, stored.ByName));
        Assert.DoesNotContain(StorageScan.RowsHolding(team.Bot, me, "Kari Nordmann"), row => row.StartsWith(TableNames.HmsGroups) || row.StartsWith(TableNames.HmsCircles));
        Assert.DoesNotContain((await team.Bot.Get<HmsRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId))!.Members, m => m.AadObjectId == me);
    }
}
