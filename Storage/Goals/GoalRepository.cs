using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Goals;

/// <summary>Goals, one partition per team (PK tenant|team, RK goal id), stored as JSON (<see cref="JsonRows"/>).</summary>
public sealed class GoalRepository(Tables tables)
{
    private readonly TableClient _table = tables.Get(TableNames.Goals);

    public async Task<bool> TryAddAsync(Goal goal, CancellationToken ct = default)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(goal), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<Goal?> GetAsync(string tenantId, string teamId, string goalId, CancellationToken ct = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.TeamPartition(tenantId, teamId), KeyEncoding.Encode(goalId), cancellationToken: ct);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Reads, applies <paramref name="change"/> (null: leave it) and stores, again if someone changed it meanwhile.</summary>
    public Task<Goal?> ChangeAsync(string tenantId, string teamId, string goalId, Func<Goal, Goal?> change, CancellationToken ct = default) =>
        OptimisticChange.RunAsync(() => GetAsync(tenantId, teamId, goalId, ct), change, (goal, changed) => TryReplaceAsync(changed, goal.ETag, ct), $"Goal {goalId}");

    private async Task<bool> TryReplaceAsync(Goal changed, ETag readAs, CancellationToken ct)
    {
        try
        {
            await _table.UpdateEntityAsync(ToEntity(changed), readAs, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false; // a colleague checked in at the same moment: read again
        }
    }

    public async Task<IReadOnlyList<Goal>> ListTeamAsync(string tenantId, string teamId, CancellationToken ct = default)
    {
        var pk = KeyEncoding.TeamPartition(tenantId, teamId);
        var result = new List<Goal>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: ct)) result.Add(FromEntity(row));
        return result;
    }

    /// <summary>The goals a coach created, across the tenant's teams (a range over the tenant's partitions).</summary>
    public async Task<IReadOnlyList<Goal>> ListByCreatorAsync(string tenantId, string aadObjectId, CancellationToken ct = default)
    {
        var filter = $"{KeyEncoding.TenantTeamsFilter(tenantId)} and {TableClient.CreateQueryFilter($"CreatedBy eq {aadObjectId}")}";
        var result = new List<Goal>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) result.Add(FromEntity(row));
        return result;
    }

    /// <summary>Every goal of the tenant: for privacy requests only.</summary>
    public async Task<IReadOnlyList<Goal>> ListTenantAsync(string tenantId, CancellationToken ct = default)
    {
        var filter = KeyEncoding.TenantTeamsFilter(tenantId);
        var result = new List<Goal>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) result.Add(FromEntity(row));
        return result;
    }


    private static TableEntity ToEntity(Goal goal)
    {
        var entity = JsonRows.ToEntity(goal, KeyEncoding.TeamPartition(goal.TenantId, goal.TeamId), KeyEncoding.Encode(goal.GoalId), goal.ETag);
        entity["CreatedBy"] = goal.CreatedByAadObjectId;
        return entity;
    }

    private static Goal FromEntity(TableEntity entity) => JsonRows.FromEntity<Goal>(entity) with { ETag = entity.ETag };
}
