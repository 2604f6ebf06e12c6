using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Instances;

/// <summary>
/// One row per running bot instance with the last time it said it was alive. The instances share Teams' rate limit
/// for the bot, so each takes its part of it from how many are alive.
/// </summary>
public sealed class InstanceRepository(Tables tables)
{
    private const string Partition = "live";
    private readonly TableClient _table = tables.Get(TableNames.Instances);

    public Task HeartbeatAsync(string instanceId, DateTimeOffset now, CancellationToken ct = default)
    {
        var row = new TableEntity(Partition, KeyEncoding.Encode(instanceId)) { ["SeenAt"] = now };
        return _table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    /// <summary>Instances seen since <paramref name="since"/>; rows not seen since <paramref name="forgetBefore"/> are removed.</summary>
    public async Task<int> CountAliveAsync(DateTimeOffset since, DateTimeOffset forgetBefore, CancellationToken ct = default)
    {
        var alive = 0;
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
        {
            var seenAt = row.GetDateTimeOffset("SeenAt") ?? DateTimeOffset.MinValue;
            if (seenAt >= since) alive++;
            else if (seenAt < forgetBefore) await _table.DeleteEntityAsync(Partition, row.RowKey, ETag.All, ct);
        }
        return alive;
    }
}
