using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Roles;

/// <summary>
/// Roles follow membership: whoever leaves the team (Teams' conversationUpdate with membersRemoved) loses every role
/// they held there at once, so no more comments, digests, decisions or settings for a team they left.
/// </summary>
public sealed class RoleMembership(RoleRepository roles, LeaderChanges leaderChanges, ILogger<RoleMembership> logger)
{
    public async Task<Reply> OnMembersRemovedAsync(Turn turn, CancellationToken ct)
    {
        if (turn.TenantId is not { } tenantId || turn.ChannelTeamId is not { } teamId || turn.Payload<Left>() is not { } left) return Reply.None;
        var holders = await roles.ListAsync(tenantId, teamId, ct);
        var leavers = holders.Where(h => left.Members.Any(m => m.AadObjectId == h.AadObjectId || (m.UserId is not null && m.UserId == h.UserId))).ToList();
        foreach (var holder in leavers)
        {
            if (holder.Roles.Contains(Role.Leader)) await leaderChanges.RemovingAsync(tenantId, teamId, ct);
            await roles.RemoveAsync(tenantId, teamId, holder.AadObjectId, ct);
            logger.LogInformation("A role holder left team {Team}: their {Count} roles there are revoked.", teamId, holder.Roles.Count);
        }
        if (leavers.Any(h => h.Roles.Contains(Role.Leader))) await leaderChanges.ChangedAsync(tenantId, teamId, ct);
        return Reply.None;
    }

    private sealed record Left(IReadOnlyList<Member> Members);

    private sealed record Member(string? UserId = null, string? AadObjectId = null);
}
