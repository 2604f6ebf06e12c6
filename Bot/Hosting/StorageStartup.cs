using CareCompanion.Storage;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Delivery;

namespace CareCompanion.Bot.Hosting;

/// <summary>
/// Creates the tables before the bot takes traffic, so the first turn never meets a missing table, and gives personal
/// chats stored before their pointers existed a pointer (once).
/// </summary>
public sealed class StorageStartup(Tables tables, DeliveryQueue queue, ConversationRepository conversations, ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.CreateAllAsync(cancellationToken);
        await queue.CreateAsync(cancellationToken);
        var pointed = await conversations.PointToStoredPersonalChatsAsync(cancellationToken);
        if (pointed > 0) logger.LogInformation("Pointed to {Count} personal chats stored before the pointers.", pointed);
        logger.LogInformation("Storage tables and the delivery queue are ready.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
