using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Scheduling;

/// <summary>
/// The durable schedule. Claims are ETag-guarded leases on the job's row: of several instances reading the same due job,
/// exactly one update succeeds; a claim whose lease runs out (its instance crashed) can be claimed again. Each job that is
/// not done also has a <see cref="DueEntry"/> at its due time, written before the job is added or its due time changes
/// and removed after it is done, so every job still to do has one; a poll reads the entries due by now and nothing later.
/// </summary>
public sealed class JobRepository(Tables tables)
{
    private readonly TableClient _table = tables.Get(TableNames.Jobs);
    private long _rowsRead;

    /// <summary>Rows the polls (<see cref="ListClaimableAsync"/>) have read so far: due entries and the jobs they point to.</summary>
    public long RowsRead => Interlocked.Read(ref _rowsRead);

    /// <summary>The poll that read the most rows so far: how many it read, and how many jobs were due then.</summary>
    public (long RowsRead, int Due) BusiestPoll { get { lock (_busiestGate) return _busiest; } }

    public long Polls => Interlocked.Read(ref _polls);

    private readonly object _busiestGate = new();
    private (long RowsRead, int Due) _busiest;
    private long _polls;
    // Set once this instance has moved every job stored the old way: from then on a job not found is not looked for there.
    private bool _noLegacyLeft;

    /// <summary>Adds the job; false when a job with that id already exists (the id makes it unique).</summary>
    public async Task<bool> ScheduleAsync(ScheduledJob job, CancellationToken ct = default)
    {
        var pending = job with { State = JobState.Pending };
        await PutEntryAsync(pending, ct); // first: a job never exists without its entry, even if this instance dies here
        try
        {
            await _table.AddEntityAsync(JobEntity.From(pending), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            if (await GetAsync(job.JobId, ct) is not { State: not JobState.Done } existing || existing.DueAt != job.DueAt)
            {
                await DeleteEntryAsync(DueEntry.For(pending), ct);
            }
            return false;
        }
    }

    /// <summary>Adds many new jobs, a hundred to a storage transaction; a batch holding an id already scheduled goes one by one.</summary>
    public async Task<int> ScheduleManyAsync(IEnumerable<ScheduledJob> jobs, CancellationToken ct = default)
    {
        var added = 0;
        foreach (var batch in jobs.Select(j => j with { State = JobState.Pending }).Chunk(100))
        {
            await Task.WhenAll(batch.Select(DueEntry.For).GroupBy(e => e.PartitionKey).Select(hour =>
                _table.SubmitTransactionAsync(hour.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct)));
            try
            {
                await _table.SubmitTransactionAsync(batch.Select(j => new TableTransactionAction(TableTransactionActionType.Add, JobEntity.From(j))), ct);
                added += batch.Length;
            }
            catch (TableTransactionFailedException)
            {
                foreach (var job in batch) added += await ScheduleAsync(job, ct) ? 1 : 0;
            }
        }
        return added;
    }

    public async Task<ScheduledJob?> GetAsync(string jobId, CancellationToken ct = default)
    {
        var row = await _table.GetEntityIfExistsAsync<JobEntity>(JobEntity.JobPartition, KeyEncoding.Encode(jobId), cancellationToken: ct);
        if (row.HasValue) return row.Value!.ToModel();
        if (_noLegacyLeft) return null;
        var legacy = await _table.GetEntityIfExistsAsync<JobEntity>(JobEntity.LegacyPartition, KeyEncoding.Encode(jobId), cancellationToken: ct);
        return legacy.HasValue ? await MigrateAsync(legacy.Value!, ct) : null;
    }

    /// <summary>
    /// Jobs due by <paramref name="now"/> that are pending, or claimed by an instance whose lease has run out: at most
    /// <paramref name="max"/>, taken in turns across tenants (each tenant's earliest first), so one tenant's backlog does
    /// not hold back another's due jobs; within a tenant, in due order whatever the kind.
    /// </summary>
    public async Task<IReadOnlyList<ScheduledJob>> ListClaimableAsync(DateTimeOffset now, int max, CancellationToken ct = default)
    {
        var entries = new List<DueEntry>();
        await foreach (var entry in _table.QueryAsync<DueEntry>(DueEntry.DueByFilter(now), select: ["PartitionKey", "RowKey", "Timestamp", "JobId", "TenantId"], cancellationToken: ct))
        {
            entries.Add(entry);
        }
        Interlocked.Add(ref _rowsRead, entries.Count);
        var taken = TakeInTurns(entries, max).ToArray();
        var result = new ScheduledJob?[taken.Length];
        // Side by side: one read after another, a poll of a hundred due jobs waited a hundred round trips.
        await Parallel.ForEachAsync(Enumerable.Range(0, taken.Length), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
        {
            var entry = taken[i];
            var row = await _table.GetEntityIfExistsAsync<JobEntity>(JobEntity.JobPartition, KeyEncoding.Encode(entry.JobId), cancellationToken: token);
            Interlocked.Increment(ref _rowsRead);
            var job = row.HasValue ? row.Value!.ToModel() : null;
            if (job is null || job.State == JobState.Done || job.DueAt != entry.DueAt)
            {
                await TidyAsync(entry, job, token);
            }
            else if (job.State == JobState.Pending || job.LeaseUntil < now)
            {
                result[i] = job;
            }
        });
        Interlocked.Increment(ref _polls);
        lock (_busiestGate)
        {
            if (entries.Count + taken.Length > _busiest.RowsRead) _busiest = (entries.Count + taken.Length, entries.Count);
        }
        return result.OfType<ScheduledJob>().ToList();
    }

    /// <summary>Round one takes every tenant's earliest entry, round two every tenant's second, …; each round in due order.</summary>
    internal static IEnumerable<DueEntry> TakeInTurns(IReadOnlyList<DueEntry> inDueOrder, int max) =>
        inDueOrder
            .GroupBy(e => e.TenantId)
            .SelectMany(tenant => tenant.Select((entry, turn) => (entry, turn)))
            .OrderBy(x => x.turn).ThenBy(x => x.entry.RowKey, StringComparer.Ordinal)
            .Select(x => x.entry)
            .Take(max);

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
    public async Task<bool> CompleteAsync(ScheduledJob claimed, int recipients, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await TryReplaceAsync(claimed with { State = JobState.Done, CompletedAt = now, Recipients = recipients, LastError = null, QueuedThrough = null }, ct) is null)
        {
            return false;
        }
        await DeleteEntryAsync(DueEntry.For(claimed), ct); // left behind by a crash here, the next poll removes it
        return true;
    }

    /// <summary>Gives a failed job back to the schedule, to be tried again at <paramref name="retryAt"/>.</summary>
    public async Task ReleaseAsync(ScheduledJob claimed, DateTimeOffset retryAt, string error, CancellationToken ct = default) =>
        await MoveAsync(claimed, claimed with { State = JobState.Pending, DueAt = retryAt, LeaseOwner = null, LeaseUntil = null, LastError = error }, ct);

    /// <summary>Moves a job that has not started to another time; false if it already ran, runs, or does not exist.</summary>
    public async Task<bool> RescheduleAsync(string jobId, DateTimeOffset dueAt, CancellationToken ct = default) =>
        await GetAsync(jobId, ct) is { State: JobState.Pending } job && await MoveAsync(job, job with { DueAt = dueAt }, ct) is not null;

    /// <summary>Calls off a job that has not started; its id is free again, so the same work can be scheduled anew.</summary>
    public async Task<bool> CancelAsync(string jobId, CancellationToken ct = default)
    {
        if (await GetAsync(jobId, ct) is not { State: JobState.Pending } job) return false;
        try
        {
            await _table.DeleteEntityAsync(JobEntity.JobPartition, KeyEncoding.Encode(jobId), job.ETag, ct);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false; // it started meanwhile
        }
        await DeleteEntryAsync(DueEntry.For(job), ct);
        return true;
    }

    /// <summary>The tenant's jobs of one kind, whatever their state: for privacy requests (a job's payload may name a person).</summary>
    public async Task<IReadOnlyList<ScheduledJob>> ListKindAsync(string tenantId, string kind, CancellationToken ct = default)
    {
        var found = new List<ScheduledJob>();
        await foreach (var row in _table.QueryAsync<JobEntity>(e => e.PartitionKey == JobEntity.JobPartition && e.TenantId == tenantId && e.Kind == kind, cancellationToken: ct))
        {
            found.Add(row.ToModel());
        }
        return found;
    }

    /// <summary>Removes one finished job's row; false if it is not done (a job to do is called off with <see cref="CancelAsync"/>).</summary>
    public async Task<bool> DeleteDoneAsync(ScheduledJob job, CancellationToken ct = default)
    {
        if (job.State != JobState.Done) return false;
        await _table.DeleteEntityAsync(JobEntity.JobPartition, KeyEncoding.Encode(job.JobId), ETag.All, ct);
        return true;
    }

    /// <summary>Removes jobs that finished before <paramref name="cutoff"/>, so the table stays small; returns which (tenant, job id).</summary>
    public async Task<IReadOnlyList<(string TenantId, string JobId)>> DeleteDoneBeforeAsync(DateTimeOffset cutoff, CancellationToken ct = default)
    {
        var deleted = new List<(string, string)>();
        var rows = _table.QueryAsync<JobEntity>(
            e => e.PartitionKey == JobEntity.JobPartition && e.State == JobState.Done && e.CompletedAt < cutoff, select: ["RowKey", "TenantId", "JobId"],
            cancellationToken: ct);
        await foreach (var row in rows)
        {
            await _table.DeleteEntityAsync(JobEntity.JobPartition, row.RowKey, ETag.All, ct);
            deleted.Add((row.TenantId, row.JobId));
        }
        return deleted;
    }

    /// <summary>Moves every job still kept the old way (all in one partition) to its own row and due entry; returns how many.</summary>
    public async Task<int> MigrateLegacyAsync(CancellationToken ct = default)
    {
        var moved = 0;
        await foreach (var row in _table.QueryAsync<JobEntity>(e => e.PartitionKey == JobEntity.LegacyPartition, cancellationToken: ct))
        {
            await MigrateAsync(row, ct);
            moved++;
        }
        _noLegacyLeft = true;
        return moved;
    }

    private async Task<ScheduledJob> MigrateAsync(JobEntity legacy, CancellationToken ct)
    {
        var job = legacy.ToModel();
        try
        {
            var added = await _table.AddEntityAsync(JobEntity.From(job), ct);
            job = job with { ETag = added.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            job = (await _table.GetEntityAsync<JobEntity>(JobEntity.JobPartition, legacy.RowKey, cancellationToken: ct)).Value.ToModel(); // another instance moved it
        }
        if (job.State != JobState.Done) await PutEntryAsync(job, ct);
        await _table.DeleteEntityAsync(JobEntity.LegacyPartition, legacy.RowKey, ETag.All, ct);
        return job;
    }

    /// <summary>The new time's entry first: a job whose due time changes always has an entry where it is now due.</summary>
    private async Task<ScheduledJob?> MoveAsync(ScheduledJob from, ScheduledJob to, CancellationToken ct)
    {
        if (from.DueAt == to.DueAt) return await TryReplaceAsync(to, ct);
        await PutEntryAsync(to, ct);
        // When the job changed meanwhile the new entry may be wrong; the poll tidies it rather than risk a job with none.
        if (await TryReplaceAsync(to, ct) is not { } moved) return null;
        await DeleteEntryAsync(DueEntry.For(from), ct);
        return moved;
    }

    /// <summary>An entry that no longer matches its job: gone with it, or (the job moved) replaced by one at the job's time.</summary>
    private async Task TidyAsync(DueEntry entry, ScheduledJob? job, CancellationToken ct)
    {
        // An entry with no job may be one whose job is being added this instant (entry first): left for a minute.
        if (job is null && entry.Timestamp > DateTimeOffset.UtcNow - OrphanAge) return;
        if (job is { State: not JobState.Done }) await PutEntryAsync(job, ct);
        await DeleteEntryAsync(entry, ct);
    }

    private static readonly TimeSpan OrphanAge = TimeSpan.FromMinutes(1);

    private Task PutEntryAsync(ScheduledJob job, CancellationToken ct) => _table.UpsertEntityAsync(DueEntry.For(job), TableUpdateMode.Replace, ct);

    private async Task DeleteEntryAsync(DueEntry entry, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
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
