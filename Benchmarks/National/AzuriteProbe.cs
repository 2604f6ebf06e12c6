using System.Diagnostics;
using Azure.Data.Tables;

namespace CareCompanion.Benchmarks.National;

/// <summary>
/// What one update costs the emulator as its table grows: Azurite keeps a table in one LokiJS collection, and an update
/// removes and re-inserts the row, moving every later row's position in each index. Real Table Storage does not work so.
/// </summary>
public static class AzuriteProbe
{
    /// <summary>Milliseconds per sequential update of an existing row, in a table holding <paramref name="rows"/> rows.</summary>
    public static async Task<double> UpdateMillisecondsAsync(string connectionString, int rows, int updates = 500)
    {
        var table = new TableClient(connectionString, "probe" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateAsync();
        foreach (var batch in Enumerable.Range(0, rows).Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(i => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity("p" + (i % 50), $"{i:D7}") { ["Payload"] = "x" })));
        }
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < updates; i++)
        {
            var n = i * 7919 % rows;
            await table.UpsertEntityAsync(new TableEntity("p" + (n % 50), $"{n:D7}") { ["Payload"] = "y" }, TableUpdateMode.Replace);
        }
        var perUpdate = clock.Elapsed.TotalMilliseconds / updates;
        await table.DeleteAsync();
        return perUpdate;
    }
}
