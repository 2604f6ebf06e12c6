using Azure;

namespace CareCompanion.Storage.Scheduling;

public static class JobState
{
    public const string Pending = "Pending";
    public const string Claimed = "Claimed";
    public const string Done = "Done";
}

/// <summary>
/// One thing to do at a given time (post a pulse round, close it, nudge a goal, send a digest). The id makes it
/// unique: scheduling the same id twice is a no-op.
/// </summary>
public sealed record ScheduledJob
{
    public required string JobId { get; init; }
    public required string Kind { get; init; }
    public required string TenantId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>Kind-specific data as JSON, read only by that kind's handler.</summary>
    public string Payload { get; init; } = "{}";
    public string State { get; init; } = JobState.Pending;
    public int Attempts { get; init; }
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public int Recipients { get; init; }
    /// <summary>The last conversation whose message is on the queue (fan-out order): where a run after a crash goes on.</summary>
    public string? QueuedThrough { get; init; }
    public string? LastError { get; init; }
    public ETag ETag { get; init; }
}
