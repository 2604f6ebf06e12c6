using CareCompanion.Storage;
using CareCompanion.Storage.Delivery;

namespace CareCompanion.Bot.Hosting;

/// <summary>Creates the tables before the bot takes traffic, so the first turn never meets a missing table.</summary>
public sealed class StorageStartup(Tables tables, DeliveryQueue queue, ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.CreateAllAsync(cancellationToken);
        await queue.CreateAsync(cancellationToken);
        logger.LogInformation("Storage tables and the delivery queue are ready.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
