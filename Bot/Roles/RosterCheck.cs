using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Roles;

/// <summary>
/// Roles follow membership even when Teams' membersRemoved never reached the bot (it was down, or the event was lost):
/// before the weekly digest, whoever holds a role in a team Teams' roster no longer lists loses every role there. A
/// roster that cannot be read whole changes nothing (<see cref="TeamRosters"/> logs why).
/// </summary>
public sealed class RosterCheck(RoleRepository roles, TeamRosters rosters, LeaderChanges leaderChanges, ILogger<RosterCheck> logger)
{
    /// <summary>The team's role holders who are still in the team, after the others have lost their roles.</summary>
    public async Task<IReadOnlyList<RoleHolder>> HoldersInTeamAsync(Team team, CancellationToken ct)
    {
        var holders = (await roles.ListAsync(team.TenantId, team.TeamId, ct)).Where(h => h.Roles.Count > 0).ToList();
        if (holders.Count == 0 || await rosters.MembersAsync(team, ct) is not { } roster) return holders;
        var members = roster.Select(m => m.AadObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var left = holders.Where(h => !members.Contains(h.AadObjectId)).ToList();
        foreach (var holder in left)
        {
            if (holder.Roles.Contains(Role.Leader)) await leaderChanges.RemovingAsync(team.TenantId, team.TeamId, ct);
            await roles.RemoveAsync(team.TenantId, team.TeamId, holder.AadObjectId, ct);
        }
        if (left.Any(h => h.Roles.Contains(Role.Leader))) await leaderChanges.ChangedAsync(team.TenantId, team.TeamId, ct);
        if (left.Count > 0) logger.LogInformation("{Count} role holders are no longer in team {Team}'s roster: their roles there are revoked.", left.Count, team.TeamId);
        return [.. holders.Except(left)];
    }
}
