using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Roles;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Roles;

/// <summary>
/// "roller" / "roles" in a team channel: leaders and admins see who holds which role and give or take roles. The
/// person must be in Teams' roster of the team; the team always keeps at least one leader or admin. A leader role
/// given or taken is told to <see cref="LeaderChanges"/> (the handover to a new leader).
/// </summary>
public sealed class RolesHandler(RoleRepository roles, LeaderChanges leaderChanges, TimeProvider clock)
{
    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct) =>
        Reply.Card(RolesCard.Build(turn.Language, turn.Caller!.TeamId, await MembersAsync(turn, ct)));

    public async Task<Reply> SetAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        var data = turn.Payload<RoleChangePayload>();
        if (data is not { Person: { Length: > 0 } userId } || !Role.All.Contains(data.Role) || data.Change is not ("grant" or "revoke")) return Reply.Text(t["roles.error"]);
        var member = await turn.MemberAsync(caller.TeamId, userId, ct);
        if (member is not { AadObjectId.Length: > 0 } && data.Change == "revoke"
            && (await roles.ListAsync(caller.TenantId, caller.TeamId, ct)).FirstOrDefault(h => h.UserId == userId) is { } leaver)
        {
            member = new TeamMember(userId, leaver.AadObjectId, ""); // left the team: their roles can still be taken away
        }
        if (member is not { AadObjectId.Length: > 0 }) return Reply.Text(t["roles.notMember"]);

        if (data.Change == "grant")
        {
            await roles.GrantAsync(caller.TenantId, caller.TeamId, member.AadObjectId!, data.Role!, ct, member.UserId, leaderSince: clock.GetUtcNow());
        }
        else
        {
            var holders = await roles.ListAsync(caller.TenantId, caller.TeamId, ct);
            var after = holders.Select(h => h.AadObjectId == member.AadObjectId ? h.Roles.Where(r => r != data.Role) : h.Roles);
            if (!after.Any(held => held.Any(Role.Leaders.Contains))) return Reply.Text(t["roles.lastLeader"]);
            var losesLeader = data.Role == Role.Leader && holders.Any(h => h.AadObjectId == member.AadObjectId && h.Roles.Contains(Role.Leader));
            if (losesLeader) await leaderChanges.RemovingAsync(caller.TenantId, caller.TeamId, ct);
            await roles.RevokeAsync(caller.TenantId, caller.TeamId, member.AadObjectId!, data.Role!, ct);
        }
        // Also for a change Teams delivers twice: the listeners change nothing the second time.
        if (data.Role == Role.Leader) await leaderChanges.ChangedAsync(caller.TenantId, caller.TeamId, ct);
        return Reply.Card(RolesCard.Build(t.Language, caller.TeamId, await MembersAsync(turn, ct), t["roles.saved"]));
    }

    /// <summary>
    /// The role holders first, then anyone holding a role whom Teams no longer lists in the team (so a leader can take
    /// it away), then the rest of the roster's first 100. A holder past those 100 is asked for by id before being
    /// called a leaver.
    /// </summary>
    private async Task<IReadOnlyList<RoleMember>> MembersAsync(Turn turn, CancellationToken ct)
    {
        var caller = turn.Caller!;
        var held = (await roles.ListAsync(caller.TenantId, caller.TeamId, ct)).Where(h => h.Roles.Count > 0).ToDictionary(h => h.AadObjectId);
        var roster = (await turn.RosterAsync(caller.TeamId, RolesCard.MaxMembers, ct)).ToList();
        var leavers = new List<RoleMember>();
        foreach (var holder in held.Values.Where(h => h.UserId is not null && roster.Count > 0 && roster.All(m => m.AadObjectId != h.AadObjectId)))
        {
            if (await turn.MemberAsync(caller.TeamId, holder.UserId!, ct) is { } member) roster.Add(member);
            else leavers.Add(new RoleMember(turn.T["roles.formerMember"], holder.UserId!, RolesOf(holder)));
        }
        var members = roster.Select(m => new RoleMember(m.Name, m.UserId, held.TryGetValue(m.AadObjectId ?? "", out var h) ? RolesOf(h) : [])).ToList();
        return [.. members.Where(m => m.Roles.Count > 0).OrderBy(m => m.Name), .. leavers, .. members.Where(m => m.Roles.Count == 0).OrderBy(m => m.Name)];
    }

    private static IReadOnlyList<string> RolesOf(RoleHolder holder) => [.. RolesCard.Roles.Where(holder.Roles.Contains)];
}
