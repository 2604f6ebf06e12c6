using CareCompanion.Storage;

namespace CareCompanion.Bot.Hosting;

/// <summary>Creates the tables before the bot takes traffic, so the first turn never meets a missing table.</summary>
public sealed class StorageStartup(Tables tables, ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.CreateAllAsync(cancellationToken);
        logger.LogInformation("Storage tables are ready.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
