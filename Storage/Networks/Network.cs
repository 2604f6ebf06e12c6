using CareCompanion.Storage.Conversations;

namespace CareCompanion.Storage.Networks;

/// <summary>
/// A learning network: units, possibly in several municipalities, who meet a few times a year. Stored in the
/// partition of the tenant whose coordinator created it (the host); its member teams may be in other tenants.
/// </summary>
public sealed record Network
{
    public required string NetworkId { get; init; }
    public required string HostTenantId { get; init; }
    public required string Name { get; init; }
    public required string Theme { get; init; }
    public required string JoinCode { get; init; }
    public IReadOnlyList<DateOnly> Meetings { get; init; } = [];
    /// <summary>How many days before a meeting the member teams get the status card.</summary>
    public int ReportDaysBefore { get; init; } = 7;
    /// <summary>Null once the coordinator deleted their data: the network goes on without one (no agenda card, no new code).</summary>
    public required string? CoordinatorAadObjectId { get; init; }
    public string? CoordinatorUserId { get; init; }
    public IReadOnlyList<NetworkMember> Members { get; init; } = [];
    /// <summary>Where the coordinator created it: the way to their personal chat for the card before each meeting.</summary>
    public StoredConversation? CreatedIn { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public IEnumerable<NetworkMember> Current => Members.Where(m => m.LeftAt is null);

    public bool HasMember(string tenantId, string teamId) => Current.Any(m => m.TenantId == tenantId && m.TeamId == teamId);

    public DateOnly? NextMeeting(DateOnly today) => Meetings.Where(m => m >= today).Order().Cast<DateOnly?>().FirstOrDefault();
}

/// <summary>A team in a network; <see cref="LeftAt"/> once it left (it is then asked for nothing and sees nothing new).</summary>
public sealed record NetworkMember(string TenantId, string TeamId, string TeamName, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt = null);

/// <summary>Where a team's membership points: the network's host tenant and id (a row in the team's own partition).</summary>
public sealed record NetworkMembership(string HostTenantId, string NetworkId, string Name);

/// <summary>What a join code opens; a code the coordinator replaced keeps its row with <see cref="RenewedAt"/> and opens nothing.</summary>
public sealed record NetworkCode(string HostTenantId, string NetworkId, DateTimeOffset? RenewedAt = null);
