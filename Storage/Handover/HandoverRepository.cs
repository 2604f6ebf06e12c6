using Azure.Data.Tables;

namespace CareCompanion.Storage.Handover;

/// <summary>
/// When a team last lost a leader: one row per team (PK tenant|team, RK "leaderRemoved"), a moment and nothing about
/// who, so the handover rule works also after the old leader left the team and their role row is gone.
/// </summary>
public sealed class HandoverRepository(Tables tables)
{
    private const string LeaderRemoved = "leaderRemoved";
    private readonly TableClient _table = tables.Get(TableNames.Handovers);

    public Task SetLeaderRemovedAsync(string tenantId, string teamId, DateTimeOffset at, CancellationToken ct = default) =>
        _table.UpsertEntityAsync(new TableEntity(KeyEncoding.TeamPartition(tenantId, teamId), LeaderRemoved) { ["At"] = at }, TableUpdateMode.Replace, ct);

    public async Task<DateTimeOffset?> LeaderRemovedAtAsync(string tenantId, string teamId, CancellationToken ct = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.TeamPartition(tenantId, teamId), LeaderRemoved, cancellationToken: ct);
        return row.HasValue ? row.Value!.GetDateTimeOffset("At") : null;
    }
}
