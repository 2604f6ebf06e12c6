using Azure;
using Azure.Data.Tables;
using CareCompanion.Storage.TeamRecords;

namespace CareCompanion.Storage.Hms;

/// <summary>
/// HMS groups (PK tenant|team where it was made, RK "group", as JSON) and, in the same table, one link row per team the
/// group serves (PK tenant|team, RK "link", the group's team as a column): so a team finds its group in one read.
/// </summary>
public sealed class HmsRepository(Tables tables)
{
    private const string LinkRow = "link";
    private readonly TableClient _table = tables.Get(TableNames.HmsGroups);
    private readonly TeamRecordTable<HmsGroup> _groups = new(tables.Get(TableNames.HmsGroups));

    public Task<bool> TryAddAsync(HmsGroup group, CancellationToken ct = default) => _groups.TryAddAsync(group, ct);

    public Task<HmsGroup?> GetAsync(string tenantId, string groupTeamId, CancellationToken ct = default) => _groups.GetAsync(tenantId, groupTeamId, HmsGroup.Id, ct);

    public Task<Changed<HmsGroup>> ChangeOnceAsync(string tenantId, string groupTeamId, string activityId, Func<HmsGroup, HmsGroup?> change, CancellationToken ct = default) =>
        _groups.ChangeOnceAsync(tenantId, groupTeamId, HmsGroup.Id, activityId, change, ct);

    /// <summary>The groups of the tenant the person has confirmed their place in (a range over the tenant's partitions; rare: a leader's first "hms-gruppe").</summary>
    public async Task<IReadOnlyList<HmsGroup>> GroupsOfPersonAsync(string tenantId, string aadObjectId, CancellationToken ct = default) =>
        [.. (await ListTenantAsync(tenantId, ct)).Where(g => g.HasConfirmed(aadObjectId))];

    /// <summary>Every group of the tenant: for privacy requests only.</summary>
    public Task<IReadOnlyList<HmsGroup>> ListTenantAsync(string tenantId, CancellationToken ct = default) =>
        _groups.QueryAsync($"{KeyEncoding.TenantTeamsFilter(tenantId)} and {TableClient.CreateQueryFilter($"RowKey eq {HmsGroup.Id}")}", ct);

    public Task<HmsGroup?> ChangeAsync(string tenantId, string groupTeamId, Func<HmsGroup, HmsGroup?> change, CancellationToken ct = default) =>
        _groups.ChangeAsync(tenantId, groupTeamId, HmsGroup.Id, change, ct);

    /// <summary>The group that serves the team, or null.</summary>
    public async Task<HmsGroup?> GroupOfTeamAsync(string tenantId, string teamId, CancellationToken ct = default)
    {
        var link = await _table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.TeamPartition(tenantId, teamId), LinkRow, cancellationToken: ct);
        return link.HasValue && link.Value!.GetString("Group") is { Length: > 0 } group ? await GetAsync(tenantId, group, ct) : null;
    }

    /// <summary>Links the team to the group; false when it already belongs to another group (a team has one HMS group).</summary>
    public async Task<bool> LinkAsync(string tenantId, string teamId, string groupTeamId, CancellationToken ct = default)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(KeyEncoding.TeamPartition(tenantId, teamId), LinkRow) { ["Group"] = groupTeamId }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await _table.GetEntityAsync<TableEntity>(KeyEncoding.TeamPartition(tenantId, teamId), LinkRow, cancellationToken: ct);
            return existing.Value.GetString("Group") == groupTeamId;
        }
    }
}
