using Azure.Data.Tables;
using CareCompanion.Storage.TeamRecords;

namespace CareCompanion.Storage.Goals;

/// <summary>Goals, one partition per team (PK tenant|team, RK goal id), stored as JSON with the creator as a column.</summary>
public sealed class GoalRepository(Tables tables)
{
    private readonly TeamRecordTable<Goal> _goals = new(tables.Get(TableNames.Goals), (goal, entity) => entity["CreatedBy"] = goal.CreatedByAadObjectId);

    public Task<bool> TryAddAsync(Goal goal, CancellationToken ct = default) => _goals.TryAddAsync(goal, ct);

    public Task<Goal?> GetAsync(string tenantId, string teamId, string goalId, CancellationToken ct = default) => _goals.GetAsync(tenantId, teamId, goalId, ct);

    /// <summary>Reads, applies <paramref name="change"/> (null: leave it) and stores, again if someone changed it meanwhile.</summary>
    public Task<Goal?> ChangeAsync(string tenantId, string teamId, string goalId, Func<Goal, Goal?> change, CancellationToken ct = default) =>
        _goals.ChangeAsync(tenantId, teamId, goalId, change, ct);

    /// <summary>A change a Teams activity asked for, applied once however often Teams delivers it.</summary>
    public Task<Changed<Goal>> ChangeOnceAsync(string tenantId, string teamId, string goalId, string activityId, Func<Goal, Goal?> change,
        CancellationToken ct = default) =>
        _goals.ChangeOnceAsync(tenantId, teamId, goalId, activityId, change, ct);

    public Task<IReadOnlyList<Goal>> ListTeamAsync(string tenantId, string teamId, CancellationToken ct = default) => _goals.ListTeamAsync(tenantId, teamId, ct);

    /// <summary>The goals a coach created, across the tenant's teams (a range over the tenant's partitions).</summary>
    public Task<IReadOnlyList<Goal>> ListByCreatorAsync(string tenantId, string aadObjectId, CancellationToken ct = default) =>
        _goals.QueryAsync($"{KeyEncoding.TenantTeamsFilter(tenantId)} and {TableClient.CreateQueryFilter($"CreatedBy eq {aadObjectId}")}", ct);

    /// <summary>Every goal of the tenant: for privacy requests only.</summary>
    public Task<IReadOnlyList<Goal>> ListTenantAsync(string tenantId, CancellationToken ct = default) => _goals.ListTenantAsync(tenantId, ct);
}
