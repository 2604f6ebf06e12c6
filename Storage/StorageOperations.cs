using Azure.Core;
using Azure.Core.Pipeline;

namespace CareCompanion.Storage;

/// <summary>
/// Counts the HTTP round trips to Table Storage (each try, retries included), so the performance harness can state
/// the storage cost per activity. Shown on /metrics.
/// </summary>
public sealed class StorageOperations : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
