using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.TeamRecords;

/// <summary>
/// One table of team records (PK tenant|team, RK record id), the record as JSON (<see cref="JsonRows"/>) plus the columns
/// its queries filter on. The one place for add-once, read-change-store with ETags, and "apply each activity once".
/// </summary>
public sealed class TeamRecordTable<T>(TableClient table, Action<T, TableEntity>? columns = null) where T : TeamRecord
{
    /// <summary>Raised after a record was stored or changed through this instance.</summary>
    public event Action<T>? Stored;

    /// <summary>Stores a new record; false when one with this id exists already (the same submit delivered twice).</summary>
    public async Task<bool> TryAddAsync(T record, CancellationToken ct)
    {
        try
        {
            await table.AddEntityAsync(ToEntity(record), ct);
            Stored?.Invoke(record);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<T?> GetAsync(string tenantId, string teamId, string id, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.TeamPartition(tenantId, teamId), KeyEncoding.Encode(id), cancellationToken: ct);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>
    /// Reads the record, applies <paramref name="change"/> (null: leave it as it is) and stores it, again from a fresh read
    /// if someone changed it meanwhile. Returns the record as stored, or null when there is none.
    /// </summary>
    public Task<T?> ChangeAsync(string tenantId, string teamId, string id, Func<T, T?> change, CancellationToken ct) =>
        OptimisticChange.RunAsync(() => GetAsync(tenantId, teamId, id, ct), change, (_, changed) => TryReplaceAsync(changed, ct), $"{typeof(T).Name} {id}");

    /// <summary>
    /// <see cref="ChangeAsync"/> for a change a Teams activity asked for: applied once per activity id, however often
    /// Teams delivers it. A redelivered activity finds its change already there and counts as applied.
    /// </summary>
    public async Task<Changed<T>> ChangeOnceAsync(string tenantId, string teamId, string id, string activityId, Func<T, T?> change, CancellationToken ct)
    {
        var stored = await ChangeAsync(tenantId, teamId, id, current =>
            current.Handled(activityId) ? null : change(current) is { } changed ? Remember(changed, activityId) : null, ct);
        return new Changed<T>(stored, stored?.Handled(activityId) == true);
    }

    public Task<IReadOnlyList<T>> ListTeamAsync(string tenantId, string teamId, CancellationToken ct) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {KeyEncoding.TeamPartition(tenantId, teamId)}"), ct);

    /// <summary>Every record of the tenant's teams: for privacy requests, never for a turn's hot path.</summary>
    public Task<IReadOnlyList<T>> ListTenantAsync(string tenantId, CancellationToken ct) => QueryAsync(KeyEncoding.TenantTeamsFilter(tenantId), ct);

    /// <summary>Records matching an OData filter over the record's columns (see the repository that defines them).</summary>
    public async Task<IReadOnlyList<T>> QueryAsync(string filter, CancellationToken ct)
    {
        var result = new List<T>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) result.Add(FromEntity(row));
        return result;
    }

    /// <summary>Stores many new records of one team in transactions of 100 (an import); each is raised as <see cref="Stored"/>.</summary>
    public async Task AddManyAsync(IReadOnlyList<T> records, CancellationToken ct)
    {
        foreach (var chunk in records.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(r))), ct);
            foreach (var record in chunk) Stored?.Invoke(record);
        }
    }

    private async Task<bool> TryReplaceAsync(T record, CancellationToken ct)
    {
        try
        {
            await table.UpdateEntityAsync(ToEntity(record), record.ETag, TableUpdateMode.Replace, ct);
            Stored?.Invoke(record);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false; // a colleague changed it at the same moment: read again
        }
    }

    private static T Remember(T record, string activityId) =>
        (T)((TeamRecord)record with { RecentActivities = [.. record.RecentActivities.TakeLast(TeamRecord.RememberedActivities - 1), activityId] });

    private TableEntity ToEntity(T record)
    {
        var entity = JsonRows.ToEntity(record, KeyEncoding.TeamPartition(record.TenantId, record.TeamId), KeyEncoding.Encode(record.RecordId), record.ETag);
        columns?.Invoke(record, entity);
        return entity;
    }

    private static T FromEntity(TableEntity entity) => (T)((TeamRecord)JsonRows.FromEntity<T>(entity) with { ETag = entity.ETag });
}
