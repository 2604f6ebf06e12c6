using Azure.Data.Tables;
using CareCompanion.Storage;
using CareCompanion.Storage.Conversations;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.Options;

namespace CareCompanion.Tests.Foundation;

/// <summary>A person's personal chat is found by a pointer row, also for chats stored before the pointers existed.</summary>
public sealed class PersonalChatPointerTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Tenant = "tenant-pointer";

    [Fact]
    public async Task A_personal_chat_stored_before_the_pointers_is_found_after_the_start_up_backfill_the_newest_of_two()
    {
        var tables = new Tables(Options.Create(new StorageOptions { ConnectionString = fixture.Azurite.ConnectionString, TablePrefix = BotServer.NewTablePrefix() }));
        await tables.CreateAllAsync(default);
        var conversations = new ConversationRepository(tables, TimeProvider.System);
        // As the bot stored personal chats before: the conversation row only.
        foreach (var (id, installed) in new[] { ("a:older", 1), ("a:newer", 5) })
        {
            await tables.Get(TableNames.Conversations).AddEntityAsync(new TableEntity(KeyEncoding.Encode(Tenant), KeyEncoding.Encode(id))
            {
                ["ConversationId"] = id, ["Scope"] = ConversationScope.Personal, ["UserAadObjectId"] = "aad-kari", ["UserId"] = "29:kari", ["Active"] = true,
                ["InstalledAt"] = new DateTimeOffset(2026, 11, installed, 8, 0, 0, TimeSpan.Zero), ["ServiceUrl"] = "https://smba.trafficmanager.net/emea/", ["BotId"] = "28:bot",
            });
        }
        Assert.Null(await conversations.FindPersonalAsync(Tenant, "aad-kari"));

        Assert.Equal(1, await conversations.PointToStoredPersonalChatsAsync());

        Assert.Equal("a:newer", (await conversations.FindPersonalAsync(Tenant, "aad-kari"))?.ConversationId);
        Assert.Equal(0, await conversations.PointToStoredPersonalChatsAsync()); // once: the marker says it was done
        await conversations.ForgetPersonalChatAsync(Tenant, "aad-kari");
        Assert.Null(await conversations.FindPersonalAsync(Tenant, "aad-kari"));
    }
}
