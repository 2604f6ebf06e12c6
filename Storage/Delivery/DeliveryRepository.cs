using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Delivery;

public enum ClaimResult
{
    /// <summary>This worker may send now.</summary>
    Claimed,
    /// <summary>Already sent or failed for good: drop the queue message.</summary>
    Finished,
    /// <summary>Another worker is sending it right now: leave the queue message for later.</summary>
    Busy,
}

/// <summary>
/// Per-recipient delivery state: what makes a redelivered or re-enqueued queue message send nothing twice.
/// A worker claims the row (ETag-guarded lease) before it sends and records the outcome after.
/// </summary>
public sealed class DeliveryRepository(Tables tables)
{
    private readonly TableClient _table = tables.Get(TableNames.Deliveries);

    public async Task<(ClaimResult Result, int Attempts)> TryClaimAsync(DeliveryMessage m, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var pk = DeliveryEntity.Partition(m.TenantId, m.JobId);
        var rk = KeyEncoding.Encode(m.ConversationId);
        try
        {
            // The common case is a first delivery: one insert, no read.
            await _table.AddEntityAsync(new DeliveryEntity
            {
                PartitionKey = pk, RowKey = rk, LeaseOwner = owner, LeaseUntil = now + lease, Attempts = 1,
            }, ct);
            return (ClaimResult.Claimed, 1);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Seen before: finished, in someone's hands, or left behind by a worker that died.
        }
        var row = (await _table.GetEntityAsync<DeliveryEntity>(pk, rk, cancellationToken: ct)).Value;
        if (row.State != DeliveryState.Sending) return (ClaimResult.Finished, row.Attempts);
        if (row.LeaseUntil > now) return (ClaimResult.Busy, row.Attempts);
        row.LeaseOwner = owner;
        row.LeaseUntil = now + lease;
        row.Attempts++;
        try
        {
            await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
            return (ClaimResult.Claimed, row.Attempts);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return (ClaimResult.Busy, row.Attempts);
        }
    }

    public Task MarkSentAsync(DeliveryMessage m, string? activityId, DateTimeOffset now, CancellationToken ct) =>
        Finish(m, DeliveryState.Sent, activityId, null, now, ct);

    public Task MarkFailedAsync(DeliveryMessage m, string reason, DateTimeOffset now, CancellationToken ct) =>
        Finish(m, DeliveryState.Failed, null, reason, now, ct);

    /// <summary>Gives the claim back at once after a transient failure, so the next delivery of the message can retry.</summary>
    public Task ReleaseAsync(DeliveryMessage m, CancellationToken ct) =>
        Merge(m, new() { ["LeaseUntil"] = DateTimeOffset.MinValue }, ct);

    public async Task<DeliveryRecord?> GetAsync(string tenantId, string jobId, string conversationId, CancellationToken ct = default)
    {
        var row = await _table.GetEntityIfExistsAsync<DeliveryEntity>(
            DeliveryEntity.Partition(tenantId, jobId), KeyEncoding.Encode(conversationId), cancellationToken: ct);
        return row.HasValue ? new DeliveryRecord(row.Value!.State, row.Value.FailureReason, row.Value.ActivityId, row.Value.Attempts, row.Value.LeaseOwner) : null;
    }

    /// <summary>
    /// Forgets every delivery to these conversations in the tenant (a person's personal chats, when they delete their
    /// data): the rows would otherwise tie the jobs they name, an anonymous idea's decision notice among them, to that chat.
    /// </summary>
    public async Task<int> DeleteForConversationsAsync(string tenantId, IReadOnlyCollection<string> conversationIds, CancellationToken ct = default)
    {
        var keys = conversationIds.Select(KeyEncoding.Encode).ToHashSet();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {KeyEncoding.Encode(tenantId) + "|"} and PartitionKey lt {KeyEncoding.Encode(tenantId) + "}"}");
        return await DeleteWhereAsync(filter, row => keys.Contains(row.RowKey), ct);
    }

    /// <summary>
    /// Every delivery of a job (one partition), whatever its state: when the job itself is forgotten, its rows go too,
    /// those a worker left mid-send included.
    /// </summary>
    public Task<int> DeleteForJobAsync(string tenantId, string jobId, CancellationToken ct = default) =>
        DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {DeliveryEntity.Partition(tenantId, jobId)}"), _ => true, ct);

    /// <summary>Deliveries finished before the cutoff, all tenants, whose job is already gone: for the nightly sweep.</summary>
    public Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken ct = default) =>
        DeleteWhereAsync(TableClient.CreateQueryFilter($"FinishedAt lt {cutoff}"), _ => true, ct);

    private async Task<int> DeleteWhereAsync(string filter, Func<TableEntity, bool> which, CancellationToken ct)
    {
        var deleted = 0;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            if (!which(row)) continue;
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
            deleted++;
        }
        return deleted;
    }

    private Task Finish(DeliveryMessage m, string state, string? activityId, string? reason, DateTimeOffset now, CancellationToken ct) =>
        Merge(m, new()
        {
            ["State"] = state,
            ["ActivityId"] = activityId,
            ["FailureReason"] = reason,
            ["FinishedAt"] = now,
        }, ct);

    // A merge of just these properties: a typed entity would also overwrite the ones it leaves at their defaults.
    private Task Merge(DeliveryMessage m, Dictionary<string, object?> properties, CancellationToken ct)
    {
        var entity = new TableEntity(DeliveryEntity.Partition(m.TenantId, m.JobId), KeyEncoding.Encode(m.ConversationId));
        foreach (var (key, value) in properties) entity[key] = value;
        return _table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, ct);
    }
}
