using System.Text.Json;
using Azure.Data.Tables;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Teams;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Teams;

/// <summary>
/// Where a team lives is its own record. Teams installed before it existed kept their channel in the pulse settings
/// row; they go on getting their question and idea posts in that channel, and the first read stores their team row.
/// </summary>
public sealed class TeamRecordTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Installing_stores_the_team_where_it_lives_with_its_group_and_name()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);

        var stored = (await team.Bot.Get<TeamRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId))!;

        Assert.Equal((team.Teams.GeneralChannelId, team.Connector.ServiceUrl, team.Teams.AadGroupId, "Sjukeheimen avd. 2", "nb-NO", Team.DefaultTimeZone),
            (stored.ConversationId, stored.ServiceUrl, stored.AadGroupId, stored.Name, stored.Locale, stored.TimeZone));
    }

    [Fact]
    public async Task A_team_installed_before_team_records_is_read_from_its_pulse_settings_row_and_migrated_on_first_read()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday.AddDays(-4));
        var tables = team.Bot.Get<Tables>();
        var (tenant, teamId) = (team.Teams.TenantId, team.Teams.TeamId);
        await tables.Get(TableNames.Teams).DeleteEntityAsync(KeyEncoding.Encode(tenant), KeyEncoding.Encode(teamId));
        // The settings row as the bot wrote it before: the channel, service URL, bot, locale and time zone in its JSON.
        var settings = (await team.Pulse.GetSettingsAsync(tenant, teamId))!;
        var legacy = JsonSerializer.SerializeToNode(settings)!.AsObject();
        legacy["ConversationId"] = team.Teams.GeneralChannelId;
        legacy["ServiceUrl"] = team.Connector.ServiceUrl;
        legacy["BotId"] = TeamsActivities.BotId;
        legacy["Locale"] = "nn-NO";
        legacy["TimeZone"] = "Europe/Oslo";
        await tables.Get(TableNames.PulseSettings).UpsertEntityAsync(
            new TableEntity(KeyEncoding.Encode(tenant), KeyEncoding.Encode(teamId)) { ["Settings"] = legacy.ToJsonString() }, TableUpdateMode.Replace);

        // Monday 10:00 in Oslo: the question goes to the channel from the settings row, in the team's nynorsk.
        await team.RunAtAsync(IdeaSteps.Monday);

        var nynorskTitle = Texts.For(Language.Nynorsk)["pulse.title"];
        Assert.Single(team.Connector.SentTo(team.Teams.GeneralChannelId), c => c.Method == "POST" && c.CardText.Contains(nynorskTitle));
        var migrated = (await tables.Get(TableNames.Teams).GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(tenant), KeyEncoding.Encode(teamId))).Value;
        Assert.NotNull(migrated);
        var read = (await team.Bot.Get<TeamRepository>().GetAsync(tenant, teamId))!;
        Assert.Equal((team.Teams.GeneralChannelId, "nn-NO"), (read.ConversationId, read.Locale));
        Assert.True((await team.Pulse.GetSettingsAsync(tenant, teamId))!.Enabled, "the settings row still reads as pulse settings");
    }
}
