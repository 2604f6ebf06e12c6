using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Roles;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace CareCompanion.Bot.Roles;

/// <summary>The caller of a turn: tenant and team as Teams signed them, and the roles stored for the person there.</summary>
public sealed record Caller(string TenantId, string TeamId, string UserAadObjectId, IReadOnlySet<string> Roles);

/// <summary>
/// Server-side role checks: every privileged action asks here, never trusts a card's data. With Graph configured, a
/// team owner without a stored role is recognised as leader (and stored as one, so Graph is asked once).
/// </summary>
public sealed class TeamRoles(RoleRepository roles, TeamOwners owners)
{
    /// <summary>The caller in a team channel, or null outside a team (or without a tenant or person).</summary>
    public async Task<Caller?> CallerInTeamAsync(Activity activity, CancellationToken ct)
    {
        var tenantId = TeamsConversation.TenantId(activity);
        var teamId = TeamsConversation.TeamId(activity);
        var user = activity.From?.AadObjectId;
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(teamId) || string.IsNullOrEmpty(user)) return null;
        var held = await roles.GetAsync(tenantId, teamId, user, ct);
        if (!held.Contains(Role.Leader) && owners.Enabled && activity.GetChannelData<TeamsChannelData>()?.Team?.AadGroupId is { Length: > 0 } groupId
            && await owners.IsOwnerAsync(groupId, user, ct))
        {
            await roles.GrantAsync(tenantId, teamId, user, Role.Leader, ct, activity.From?.Id);
            held = new HashSet<string>(held) { Role.Leader };
        }
        return new Caller(tenantId, teamId, user, held);
    }

    /// <summary>
    /// The caller, if they act in a team channel and hold one of <paramref name="anyOf"/>; otherwise the refusal to
    /// show them: "type this in the team's channel", or <paramref name="refusalKey"/>'s text.
    /// </summary>
    public async Task<(Caller? Caller, string? Refusal)> RequireAsync(Activity activity, IReadOnlyList<string> anyOf, string refusalKey, CancellationToken ct)
    {
        var t = Texts.ForLocale(activity.Locale);
        var caller = await CallerInTeamAsync(activity, ct);
        if (caller is null) return (null, t["command.teamOnly"]);
        return caller.Roles.Overlaps(anyOf) ? (caller, null) : (null, t[refusalKey]);
    }
}
