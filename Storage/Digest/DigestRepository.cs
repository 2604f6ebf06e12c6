using System.Text.Json;
using Azure.Data.Tables;
using CareCompanion.Storage.Conversations;

namespace CareCompanion.Storage.Digest;

/// <summary>
/// The leader digest's settings, PK tenant: per person (RK "person|{Entra id}") whether they turned it off, and per
/// team (RK "team|{team id}") the leaders' channel to post to when a personal chat cannot be opened.
/// </summary>
public sealed class DigestRepository(Tables tables)
{
    private readonly TableClient _table = tables.Get(TableNames.Digests);

    public async Task<bool> IsOffAsync(string tenantId, string aadObjectId, CancellationToken ct = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(tenantId), PersonKey(aadObjectId), cancellationToken: ct);
        return row.HasValue && row.Value!.GetBoolean("Off") == true;
    }

    public Task SetOffAsync(string tenantId, string aadObjectId, bool off, CancellationToken ct = default) =>
        _table.UpsertEntityAsync(new TableEntity(KeyEncoding.Encode(tenantId), PersonKey(aadObjectId)) { ["Off"] = off }, TableUpdateMode.Replace, ct);

    /// <summary>Everyone in the tenant who turned the digest off (one partition).</summary>
    public async Task<IReadOnlySet<string>> ListOffAsync(string tenantId, CancellationToken ct = default)
    {
        var pk = KeyEncoding.Encode(tenantId);
        var off = new HashSet<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: ct))
        {
            if (row.RowKey.StartsWith("person|") && row.GetBoolean("Off") == true) off.Add(KeyEncoding.Decode(row.RowKey[7..]));
        }
        return off;
    }

    public Task SetLeadersChannelAsync(string tenantId, string teamId, StoredConversation channel, CancellationToken ct = default) =>
        _table.UpsertEntityAsync(new TableEntity(KeyEncoding.Encode(tenantId), "team|" + KeyEncoding.Encode(teamId))
        {
            ["Channel"] = JsonSerializer.Serialize(channel),
        }, TableUpdateMode.Replace, ct);

    public async Task<StoredConversation?> GetLeadersChannelAsync(string tenantId, string teamId, CancellationToken ct = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(tenantId), "team|" + KeyEncoding.Encode(teamId), cancellationToken: ct);
        return row.HasValue ? JsonSerializer.Deserialize<StoredConversation>(row.Value!.GetString("Channel")) : null;
    }

    /// <summary>Deletes the person's row (privacy requests).</summary>
    public Task DeletePersonAsync(string tenantId, string aadObjectId, CancellationToken ct = default) =>
        _table.DeleteEntityAsync(KeyEncoding.Encode(tenantId), PersonKey(aadObjectId), Azure.ETag.All, ct);

    private static string PersonKey(string aadObjectId) => "person|" + KeyEncoding.Encode(aadObjectId);
}
