using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Roles;

/// <summary>The caller of a turn in a team: tenant and person as Teams signed them, the team, and the roles they hold there.</summary>
public sealed record Caller(string TenantId, string TeamId, string UserAadObjectId, IReadOnlySet<string> Roles);

/// <summary>
/// The one place that decides whether the caller may use a route, the same in a channel, a personal chat, a dialog and
/// the digest. Tenant and person come from what Teams signed; the team is the channel's, or the card's (which must then
/// match the channel's, if any); roles are the ones stored for the team, and with Graph configured a team owner is a
/// leader, and the municipality's admins named in configuration (<see cref="TenantRoles.IsAdmin"/>) are admins in
/// every team. A card's data never grants anything.
/// </summary>
public sealed class RoleGate(RoleRepository roles, TeamOwners owners, TeamRepository teams, HmsMembership hms, TenantRoles tenantRoles)
{
    /// <summary>Null when the caller may go on (with <see cref="Turn.Caller"/> set for a team route); otherwise the refusal to show.</summary>
    public async Task<string?> CheckAsync(Turn turn, Access access, CancellationToken ct)
    {
        if (access.Level == AccessLevel.Anyone && !access.ChannelOnly) return null;
        if (turn.TenantId is not { Length: > 0 } tenantId || turn.PersonId is not { Length: > 0 } person) return turn.T["error.notAllowed"];
        if (!access.TeamScoped) return await TenantRefusalAsync(turn, access, tenantId, person, ct);
        var (teamId, refusal) = TeamFor(access, turn.ChannelTeamId, turn.CardTeam);
        if (teamId is null) return turn.T[refusal!];
        if (await TenantRefusalAsync(turn, access, tenantId, person, ct) is { } notHeld) return notHeld;

        IReadOnlySet<string> held = new HashSet<string>();
        if (access.Level == AccessLevel.Member)
        {
            if (!await turn.IsInTeamAsync(teamId, ct)) return turn.T["error.notAllowed"];
        }
        else if (access.Level == AccessLevel.Roles)
        {
            held = await RolesAsync(turn, tenantId, teamId, person, ct);
            if (!Allows(access, held)) return turn.T[access.RefusalKey];
        }
        else if (access.Level == AccessLevel.HmsGroup)
        {
            if (!await hms.IsConfirmedMemberAsync(tenantId, teamId, person, ct)) return turn.T[access.RefusalKey];
            held = await RolesAsync(turn, tenantId, teamId, person, ct);
        }
        turn.Caller = new Caller(tenantId, teamId, person, held);
        return null;
    }

    /// <summary>
    /// The team a team route acts for: the channel's (a card naming another team is refused), or outside a channel the
    /// card's (unless the route is for channels only). Otherwise the key of the refusal.
    /// </summary>
    public static (string? TeamId, string? RefusalKey) TeamFor(Access access, string? channelTeam, string? cardTeam) =>
        access.ChannelOnly && channelTeam is null ? (null, "command.teamOnly")
        : channelTeam is not null && cardTeam is not null && cardTeam != channelTeam ? (null, "error.notAllowed")
        : (channelTeam ?? cardTeam) is { Length: > 0 } team ? (team, null)
        : (null, "error.notAllowed");

    /// <summary>For a tenant-level route (<see cref="TenantRoles"/>): the refusal when the person holds none of its roles in their tenant.</summary>
    private async Task<string?> TenantRefusalAsync(Turn turn, Access access, string tenantId, string person, CancellationToken ct) =>
        access.Level == AccessLevel.TenantRoles && !await tenantRoles.HoldsAnyAsync(tenantId, person, access.AnyOf, ct) ? turn.T[access.RefusalKey] : null;

    /// <summary>Whether the roles held meet the route's: any one of them is enough.</summary>
    public static bool Allows(Access access, IReadOnlySet<string> held) => access.Level != AccessLevel.Roles || held.Overlaps(access.AnyOf);

    /// <summary>The roles the person holds in the team: those stored, and leader for an owner of the team's Microsoft 365 group.</summary>
    public async Task<IReadOnlySet<string>> RolesAsync(Turn turn, string tenantId, string teamId, string person, CancellationToken ct)
    {
        var held = new HashSet<string>(await roles.GetAsync(tenantId, teamId, person, ct));
        if (tenantRoles.IsAdmin(tenantId, person)) held.Add(Role.Admin);
        if (held.Contains(Role.Leader) || !owners.EnabledFor(tenantId)) return held;
        // Asked of Graph each time (cached briefly), never stored: leadership by ownership ends when the ownership does.
        var groupId = turn.ChannelTeamId == teamId ? turn.ChannelTeamGroupId : (await teams.GetAsync(tenantId, teamId, ct))?.AadGroupId;
        if (!string.IsNullOrEmpty(groupId) && await owners.IsOwnerAsync(tenantId, groupId, person, ct)) held.Add(Role.Leader);
        return held;
    }
}
