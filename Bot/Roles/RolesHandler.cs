using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Roles;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Roles;

/// <summary>
/// "roller" / "roles" in a team channel: leaders and admins see who holds which role and give or take roles. The
/// person must be in Teams' roster of the team; the team always keeps at least one leader or admin.
/// </summary>
public sealed class RolesHandler(RoleRepository roles)
{
    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct) =>
        Reply.Card(RolesCard.Build(turn.Language, turn.Caller!.TeamId, await MembersAsync(turn, ct)));

    public async Task<Reply> SetAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        var data = turn.Payload<RoleChangePayload>();
        if (data is not { Person: { Length: > 0 } userId } || !Role.All.Contains(data.Role) || data.Change is not ("grant" or "revoke")) return Reply.Text(t["roles.error"]);
        if (await turn.MemberAsync(caller.TeamId, userId, ct) is not { AadObjectId.Length: > 0 } member) return Reply.Text(t["roles.notMember"]);

        if (data.Change == "grant")
        {
            await roles.GrantAsync(caller.TenantId, caller.TeamId, member.AadObjectId, data.Role!, ct, member.UserId);
        }
        else
        {
            var after = (await roles.ListAsync(caller.TenantId, caller.TeamId, ct))
                .Select(h => h.AadObjectId == member.AadObjectId ? h.Roles.Where(r => r != data.Role) : h.Roles);
            if (!after.Any(held => held.Any(Role.Leaders.Contains))) return Reply.Text(t["roles.lastLeader"]);
            await roles.RevokeAsync(caller.TenantId, caller.TeamId, member.AadObjectId, data.Role!, ct);
        }
        return Reply.Card(RolesCard.Build(t.Language, caller.TeamId, await MembersAsync(turn, ct), t["roles.saved"]));
    }

    /// <summary>The team's roster (first 100) with the roles stored for each, role holders first.</summary>
    private async Task<IReadOnlyList<RoleMember>> MembersAsync(Turn turn, CancellationToken ct)
    {
        var caller = turn.Caller!;
        var held = (await roles.ListAsync(caller.TenantId, caller.TeamId, ct)).ToDictionary(h => h.AadObjectId);
        var roster = await turn.RosterAsync(caller.TeamId, RolesCard.MaxMembers, ct);
        return [.. roster
            .Select(m => new RoleMember(m.Name, m.UserId, held.TryGetValue(m.AadObjectId ?? "", out var h) ? [.. RolesCard.Roles.Where(h.Roles.Contains)] : []))
            .OrderBy(m => m.Roles.Count == 0)
            .ThenBy(m => m.Name)];
    }
}
