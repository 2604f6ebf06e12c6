using System.Text.Json.Nodes;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Teams;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Trust;

/// <summary>
/// With <c>Bot:AllowedTenants</c> set, the bot takes activities from those Entra tenants only: another tenant's install,
/// messages and cards are answered by nothing and leave nothing in storage.
/// </summary>
public sealed class TenantAllowListTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Another_tenants_install_message_and_card_store_nothing_and_get_no_answer_the_allowed_tenant_is_served()
    {
        await using var connector = await ConnectorSink.StartAsync();
        var allowed = new TeamsActivities(connector.ServiceUrl);
        var other = new TeamsActivities(connector.ServiceUrl);
        await using var bot = await BotServer.StartAsync(fixture.Azurite.ConnectionString,
            settings: new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = allowed.TenantId });

        foreach (var activity in new[]
        {
            other.InstallInTeam(), other.InstallPersonal(), other.PersonalMessage("hjelp"), other.ChannelMessage("innstillinger"),
            other.ChannelCardAction(IdeaVerbs.Submit, new JsonObject { ["team"] = other.TeamId, ["title"] = "Fremmed idé", ["category"] = "other" }, other.UserAadObjectId),
        })
        {
            await bot.PostAsync(activity);
        }
        await bot.PostAsync(allowed.InstallInTeam());

        Assert.Empty(StorageScan.RowsHolding(bot, other.TenantId));
        Assert.DoesNotContain(connector.Sent, s => s.ConversationId == other.GeneralChannelId || s.ConversationId == other.PersonalConversationId);
        Assert.NotNull(await bot.Get<TeamRepository>().GetAsync(allowed.TenantId, allowed.TeamId));
        Assert.NotEmpty(connector.SentTo(allowed.GeneralChannelId)); // the welcome
    }
}
