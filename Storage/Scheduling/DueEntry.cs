using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Scheduling;

/// <summary>
/// Where a job that is not done yet stands in time: a row keyed by its due time, so a poll reads the due jobs and none
/// of the future ones. Partition = the due hour ("at|2026113009"), row key = due ticks then job id, so a key range is
/// "due by now" and reads come in due order. The job row stays the truth (state, lease); an entry is a pointer that
/// the poll checks against it, and one that no longer matches its job (done, cancelled, moved) is cleaned up then.
/// </summary>
internal sealed class DueEntry : ITableEntity
{
    public const string PartitionPrefix = "at|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string JobId { get; set; } = "";
    public string TenantId { get; set; } = "";

    public static string Partition(DateTimeOffset dueAt) =>
        PartitionPrefix + dueAt.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    /// <summary>Row keys of entries due at <paramref name="dueAt"/> start with this.</summary>
    public static string TimeKey(DateTimeOffset dueAt) => dueAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static DueEntry For(ScheduledJob job) => new()
    {
        PartitionKey = Partition(job.DueAt),
        RowKey = TimeKey(job.DueAt) + "|" + KeyEncoding.Encode(job.JobId),
        JobId = job.JobId,
        TenantId = job.TenantId,
    };

    public DateTimeOffset DueAt => new(long.Parse(RowKey[..19], CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>Entries due by <paramref name="now"/>, of every hour up to now: older hours hold only what is still to do.</summary>
    public static string DueByFilter(DateTimeOffset now) => TableClient.CreateQueryFilter(
        $"PartitionKey ge {PartitionPrefix} and PartitionKey le {Partition(now)} and RowKey lt {TimeKey(now.AddTicks(1))}");
}
