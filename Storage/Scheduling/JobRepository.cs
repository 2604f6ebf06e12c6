using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Scheduling;

/// <summary>
/// The durable schedule. Claims are ETag-guarded leases: of several instances reading the same due job, exactly one
/// update succeeds; a claim whose lease runs out (its instance crashed) can be claimed again.
/// </summary>
public sealed class JobRepository(Tables tables)
{
    private readonly TableClient _table = tables.Get(TableNames.Jobs);

    /// <summary>Adds the job; false when a job with that id already exists (the id makes it unique).</summary>
    public async Task<bool> ScheduleAsync(ScheduledJob job, CancellationToken ct = default)
    {
        try
        {
            await _table.AddEntityAsync(JobEntity.From(job with { State = JobState.Pending }), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<ScheduledJob?> GetAsync(string jobId, CancellationToken ct = default)
    {
        var row = await _table.GetEntityIfExistsAsync<JobEntity>(JobEntity.DuePartition, KeyEncoding.Encode(jobId), cancellationToken: ct);
        return row.HasValue ? row.Value!.ToModel() : null;
    }

    /// <summary>Jobs due by <paramref name="now"/> that are pending, or claimed by an instance whose lease has run out.</summary>
    public async Task<IReadOnlyList<ScheduledJob>> ListClaimableAsync(DateTimeOffset now, int max, CancellationToken ct = default)
    {
        var result = new List<ScheduledJob>();
        var rows = _table.QueryAsync<JobEntity>(
            e => e.PartitionKey == JobEntity.DuePartition && e.DueAt <= now && e.State != JobState.Done, cancellationToken: ct);
        await foreach (var row in rows)
        {
            if (row.State == JobState.Pending || row.LeaseUntil < now)
            {
                result.Add(row.ToModel());
                if (result.Count >= max) break;
            }
        }
        return result.OrderBy(j => j.DueAt).ToList();
    }

    /// <summary>Takes the job for <paramref name="owner"/> until <paramref name="leaseUntil"/>; null if another instance got it first.</summary>
    public async Task<ScheduledJob?> TryClaimAsync(ScheduledJob job, string owner, DateTimeOffset leaseUntil, CancellationToken ct = default)
    {
        var claimed = job with { State = JobState.Claimed, LeaseOwner = owner, LeaseUntil = leaseUntil, Attempts = job.Attempts + 1 };
        return await TryReplaceAsync(claimed, ct);
    }

    /// <summary>
    /// Records how far the fan-out got and extends the lease; null if the lease was lost to another instance meanwhile.
    /// </summary>
    public Task<ScheduledJob?> RecordProgressAsync(ScheduledJob claimed, string? queuedThrough, DateTimeOffset leaseUntil, CancellationToken ct = default) =>
        TryReplaceAsync(claimed with { QueuedThrough = queuedThrough, LeaseUntil = leaseUntil }, ct);

    /// <summary>
    /// Marks a claimed job done; false if the lease was lost to another instance meanwhile. The progress mark goes: it
    /// names a chat, which would tie the job (an anonymous idea's decision notice) to that person for the job's retention.
    /// </summary>
    public async Task<bool> CompleteAsync(ScheduledJob claimed, int recipients, DateTimeOffset now, CancellationToken ct = default) =>
        await TryReplaceAsync(claimed with { State = JobState.Done, CompletedAt = now, Recipients = recipients, LastError = null, QueuedThrough = null }, ct) is not null;

    /// <summary>Gives a failed job back to the schedule, to be tried again at <paramref name="retryAt"/>.</summary>
    public async Task ReleaseAsync(ScheduledJob claimed, DateTimeOffset retryAt, string error, CancellationToken ct = default) =>
        await TryReplaceAsync(claimed with { State = JobState.Pending, DueAt = retryAt, LeaseOwner = null, LeaseUntil = null, LastError = error }, ct);

    /// <summary>Moves a job that has not started to another time; false if it already ran, runs, or does not exist.</summary>
    public async Task<bool> RescheduleAsync(string jobId, DateTimeOffset dueAt, CancellationToken ct = default) =>
        await GetAsync(jobId, ct) is { State: JobState.Pending } job && await TryReplaceAsync(job with { DueAt = dueAt }, ct) is not null;

    /// <summary>Calls off a job that has not started; its id is free again, so the same work can be scheduled anew.</summary>
    public async Task<bool> CancelAsync(string jobId, CancellationToken ct = default)
    {
        if (await GetAsync(jobId, ct) is not { State: JobState.Pending } job) return false;
        try
        {
            await _table.DeleteEntityAsync(JobEntity.DuePartition, KeyEncoding.Encode(jobId), job.ETag, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false; // it started meanwhile
        }
    }

    /// <summary>Removes jobs that finished before <paramref name="cutoff"/>, so the due-job query stays small; returns which (tenant, job id).</summary>
    public async Task<IReadOnlyList<(string TenantId, string JobId)>> DeleteDoneBeforeAsync(DateTimeOffset cutoff, CancellationToken ct = default)
    {
        var deleted = new List<(string, string)>();
        var rows = _table.QueryAsync<JobEntity>(
            e => e.PartitionKey == JobEntity.DuePartition && e.State == JobState.Done && e.CompletedAt < cutoff, select: ["RowKey", "TenantId", "JobId"],
            cancellationToken: ct);
        await foreach (var row in rows)
        {
            await _table.DeleteEntityAsync(JobEntity.DuePartition, row.RowKey, ETag.All, ct);
            deleted.Add((row.TenantId, row.JobId));
        }
        return deleted;
    }

    private async Task<ScheduledJob?> TryReplaceAsync(ScheduledJob job, CancellationToken ct)
    {
        try
        {
            var response = await _table.UpdateEntityAsync(JobEntity.From(job), job.ETag, TableUpdateMode.Replace, ct);
            return job with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }
}
