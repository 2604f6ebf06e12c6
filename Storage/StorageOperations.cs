using Azure.Core;
using Azure.Core.Pipeline;

namespace CareCompanion.Storage;

/// <summary>
/// Counts the HTTP round trips to Table Storage (each try, retries included): in all (shown on /metrics, for the
/// performance harness) and within one turn or job (<see cref="CountWithin"/>, for its telemetry span).
/// </summary>
public sealed class StorageOperations : HttpPipelineSynchronousPolicy
{
    private static readonly AsyncLocal<RoundTrips?> Within = new();
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>
    /// Counts the round trips made from here on in this async flow (and the tasks it starts). Call it in the async
    /// method that does the work: the count stops applying when that method returns.
    /// </summary>
    public static RoundTrips CountWithin() => Within.Value = new RoundTrips();

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _count);
        if (Within.Value is { } within) within.Add();
    }

    public sealed class RoundTrips
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        internal void Add() => Interlocked.Increment(ref _count);
    }
}
