using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Networks;

/// <summary>
/// Records of the networks feature stored as JSON rows (<see cref="JsonRows"/>) under keys the repository chooses: add
/// once, read, change with the ETag of the read, list a partition. Networks cross tenants, so their rows are not all
/// team records; each repository says what its partitions are.
/// </summary>
internal sealed class JsonTable<T>(TableClient table) where T : class
{
    public async Task<bool> TryAddAsync(string pk, string rk, T record, CancellationToken ct)
    {
        try
        {
            await table.AddEntityAsync(JsonRows.ToEntity(record, Key(pk), Key(rk), default), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public Task UpsertAsync(string pk, string rk, T record, CancellationToken ct) =>
        table.UpsertEntityAsync(JsonRows.ToEntity(record, Key(pk), Key(rk), default), TableUpdateMode.Replace, ct);

    public async Task<T?> GetAsync(string pk, string rk, CancellationToken ct) => (await GetRowAsync(pk, rk, ct))?.Record;

    public async Task<IReadOnlyList<T>> ListAsync(string pk, CancellationToken ct)
    {
        var result = new List<T>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Key(pk)}"), cancellationToken: ct))
        {
            result.Add(JsonRows.FromEntity<T>(row));
        }
        return result;
    }

    /// <summary>Every record matching an OData filter over the keys: for privacy requests and the nightly sweep, never a turn's hot path.</summary>
    public async Task<IReadOnlyList<(string PartitionKey, string RowKey, T Record)>> QueryAsync(string? filter, CancellationToken ct)
    {
        var result = new List<(string, string, T)>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            result.Add((KeyEncoding.Decode(row.PartitionKey), KeyEncoding.Decode(row.RowKey), JsonRows.FromEntity<T>(row)));
        }
        return result;
    }

    /// <summary>A filter for the partition keys (or, with <paramref name="rowKeys"/>, row keys) starting with <paramref name="prefix"/>, which ends in '|' ('}' sorts right after it).</summary>
    public static string StartsWith(string prefix, bool rowKeys = false)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Key(prefix)} and PartitionKey lt {Key(prefix[..^1] + "}")}");
        return rowKeys ? filter.Replace("PartitionKey", "RowKey", StringComparison.Ordinal) : filter;
    }

    public Task DeleteAsync(string pk, string rk, CancellationToken ct) => table.DeleteEntityAsync(Key(pk), Key(rk), ETag.All, ct);

    /// <summary>Reads, applies <paramref name="change"/> (null: leave it) and stores, again from a fresh read if someone changed it meanwhile.</summary>
    public async Task<T?> ChangeAsync(string pk, string rk, Func<T, T?> change, CancellationToken ct)
    {
        ETag etag = default;
        return await OptimisticChange.RunAsync(async () =>
        {
            var row = await GetRowAsync(pk, rk, ct);
            etag = row?.ETag ?? default;
            return row?.Record;
        }, change, async (_, changed) =>
        {
            try
            {
                await table.UpdateEntityAsync(JsonRows.ToEntity(changed, Key(pk), Key(rk), etag), etag, TableUpdateMode.Replace, ct);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                return false;
            }
        }, $"{typeof(T).Name} {rk}");
    }

    private async Task<(T Record, ETag ETag)?> GetRowAsync(string pk, string rk, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Key(pk), Key(rk), cancellationToken: ct);
        return row.HasValue ? (JsonRows.FromEntity<T>(row.Value!), row.Value!.ETag) : null;
    }

    private static string Key(string part) => KeyEncoding.Encode(part);
}
