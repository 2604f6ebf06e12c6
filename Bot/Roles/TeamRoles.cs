using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Roles;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Roles;

/// <summary>The caller of a turn: tenant and team as Teams signed them, and the roles stored for the person there.</summary>
public sealed record Caller(string TenantId, string TeamId, string UserAadObjectId, IReadOnlySet<string> Roles)
{
    public bool IsLeader => Roles.Contains(Role.Leader) || Roles.Contains(Role.Admin);
}

/// <summary>Server-side role checks: every privileged action asks here, never trusts a card's data.</summary>
public sealed class TeamRoles(RoleRepository roles)
{
    /// <summary>The caller in a team channel, or null outside a team (or without a tenant or person).</summary>
    public async Task<Caller?> CallerInTeamAsync(Activity activity, CancellationToken ct)
    {
        var tenantId = TeamsConversation.TenantId(activity);
        var teamId = TeamsConversation.TeamId(activity);
        var user = activity.From?.AadObjectId;
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(teamId) || string.IsNullOrEmpty(user)) return null;
        return new Caller(tenantId, teamId, user, await roles.GetAsync(tenantId, teamId, user, ct));
    }
}
