using System.Text.Json.Serialization;
using CareCompanion.Storage.TeamRecords;

namespace CareCompanion.Storage.Hms;

/// <summary>
/// A unit's HMS group: its leader, tillitsvalgt and verneombud (and more), for one or several teams. Stored in the
/// partition of the team where it was made (<see cref="TeamRecord.TeamId"/>); each team it serves has a link row
/// (<see cref="HmsRepository.GroupOfTeamAsync"/>).
/// </summary>
public sealed record HmsGroup : TeamRecord
{
    public const string Id = "group";

    public IReadOnlyList<HmsTeam> Teams { get; init; } = [];
    public IReadOnlyList<HmsMember> Members { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }

    [JsonIgnore]
    public override string RecordId => Id;

    /// <summary>Only confirmed members act for the group: a person named by someone else has not agreed to it yet.</summary>
    public bool HasConfirmed(string aadObjectId) => Members.Any(m => m.Confirmed && m.AadObjectId == aadObjectId);

    public IEnumerable<HmsMember> Confirmed => Members.Where(m => m.Confirmed);
}

public sealed record HmsTeam(string TeamId, string Name);

/// <summary>A person in the group and the role they have in it (one of the roles that see aggregates).</summary>
public sealed record HmsMember(string AadObjectId, string? UserId, string Name, string Role, bool Confirmed);
