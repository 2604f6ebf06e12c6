using System.Text.Json.Serialization;
using Azure;

namespace CareCompanion.Storage.TeamRecords;

/// <summary>
/// Something a team owns and people change from cards (an idea, a goal): stored as JSON in the team's partition, changed
/// with ETags, and each Teams activity applied once (Teams redelivers an activity it saw no answer to in time).
/// </summary>
public abstract record TeamRecord
{
    public required string TenantId { get; init; }
    public required string TeamId { get; init; }

    /// <summary>Ids of the last activities that changed the record: one delivered twice counts once.</summary>
    public IReadOnlyList<string> RecentActivities { get; init; } = [];

    [JsonIgnore]
    public ETag ETag { get; init; }

    /// <summary>The record's id within its team (the row key).</summary>
    [JsonIgnore]
    public abstract string RecordId { get; }

    public const int RememberedActivities = 20;

    public bool Handled(string activityId) => RecentActivities.Contains(activityId);
}

/// <summary>The record after a change applied once per activity: <see cref="Applied"/> is false when the change refused (or it is gone).</summary>
public sealed record Changed<T>(T? Record, bool Applied) where T : TeamRecord;
