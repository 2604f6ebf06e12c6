using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Delivery;

/// <summary>Delivery state of one job to one conversation. PartitionKey = tenant|job, RowKey = conversation id.</summary>
internal sealed class DeliveryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string State { get; set; } = DeliveryState.Sending;
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public string? ActivityId { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public static string Partition(string tenantId, string jobId) => KeyEncoding.Encode(tenantId) + "|" + KeyEncoding.Encode(jobId);
}
