using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Scheduling;

/// <summary>
/// A job's row in the Jobs table, found by its id (cancel, reschedule, the pulse's self-check). The scheduler does not
/// scan these: it reads the <see cref="DueEntry"/> rows of the jobs that are due and then each of those jobs by id.
/// </summary>
internal sealed class JobEntity : ITableEntity
{
    public const string JobPartition = "job";
    /// <summary>Where every job was kept before the due entries, due time or not: moved out on start or when read.</summary>
    public const string LegacyPartition = "due";

    public string PartitionKey { get; set; } = JobPartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string JobId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string TenantId { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public string Payload { get; set; } = "{}";
    public string State { get; set; } = JobState.Pending;
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int Recipients { get; set; }
    public string? QueuedThrough { get; set; }
    public string? LastError { get; set; }

    public static JobEntity From(ScheduledJob j) => new()
    {
        RowKey = KeyEncoding.Encode(j.JobId),
        ETag = j.ETag,
        JobId = j.JobId,
        Kind = j.Kind,
        TenantId = j.TenantId,
        DueAt = j.DueAt,
        Payload = j.Payload,
        State = j.State,
        Attempts = j.Attempts,
        LeaseOwner = j.LeaseOwner,
        LeaseUntil = j.LeaseUntil,
        CompletedAt = j.CompletedAt,
        Recipients = j.Recipients,
        QueuedThrough = j.QueuedThrough,
        LastError = j.LastError,
    };

    public ScheduledJob ToModel() => new()
    {
        JobId = JobId,
        Kind = Kind,
        TenantId = TenantId,
        DueAt = DueAt,
        Payload = Payload,
        State = State,
        Attempts = Attempts,
        LeaseOwner = LeaseOwner,
        LeaseUntil = LeaseUntil,
        CompletedAt = CompletedAt,
        Recipients = Recipients,
        QueuedThrough = QueuedThrough,
        LastError = LastError,
        ETag = ETag,
    };
}
