using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// A team's leader, in the team's channel: "bli med i nettverk" and the join code, or leave a network from the list.
/// A team of another municipality than the network's joins only while both municipalities allow networks across
/// municipalities; otherwise it is told which side has not. A team that leaves gets no more status cards, its reports
/// and practice cards are no longer shown in the network, and it sees nothing new there.
/// </summary>
public sealed class NetworkJoining(NetworkRepository networks, NetworkNames names, TimeProvider clock)
{
    public Task<Reply> ShowFormAsync(Turn turn, CancellationToken ct) => Task.FromResult(Reply.Card(NetworkFormCards.Join(turn.Language, turn.Caller!.TeamId)));

    public async Task<Reply> JoinAsync(Turn turn, CancellationToken ct)
    {
        var (t, caller) = (turn.T, turn.Caller!);
        var code = (turn.Payload<NetworkJoinPayload>()?.Code ?? "").Trim().ToUpperInvariant().Replace(" ", "");
        if (code.Length == 0 || await networks.ByCodeAsync(code, ct) is not { } network)
        {
            var why = code.Length > 0 && await networks.WasRenewedAsync(code, ct) ? "network.join.renewedCode" : "network.join.unknownCode";
            return Reply.Card(NetworkFormCards.Join(turn.Language, caller.TeamId, t[why], code));
        }
        if (network.HostTenantId != caller.TenantId)
        {
            var refusal = !(await networks.SettingsAsync(caller.TenantId, ct)).CrossTenantAllowed ? "network.join.ownTenantOff"
                : !(await networks.SettingsAsync(network.HostTenantId, ct)).CrossTenantAllowed ? "network.join.hostTenantOff" : null;
            if (refusal is not null) return Reply.Card(NetworkFormCards.Join(turn.Language, caller.TeamId, t[refusal], code));
        }
        var teamName = await names.TeamNameAsync(turn, ct);
        var joined = await networks.ChangeAsync(network.HostTenantId, network.NetworkId, current => current.HasMember(caller.TenantId, caller.TeamId) ? null
            : current with
            {
                Members = [.. current.Members.Where(m => m.TenantId != caller.TenantId || m.TeamId != caller.TeamId),
                    new NetworkMember(caller.TenantId, caller.TeamId, teamName, clock.GetUtcNow())],
            }, ct);
        await networks.AddMembershipAsync(caller.TenantId, caller.TeamId, new NetworkMembership(network.HostTenantId, network.NetworkId, network.Name), ct);
        var view = await names.ViewAsync(joined!, caller.TenantId, t, withCode: false, ct);
        return Reply.Card(NetworkCards.List(turn.Language, [view], caller.TeamId, t.Format("network.join.joined", view.Name)));
    }

    public async Task<Reply> LeaveAsync(Turn turn, CancellationToken ct)
    {
        var (t, caller) = (turn.T, turn.Caller!);
        if (turn.Payload<NetworkRef>() is not { } data) return Reply.Text(t["network.error"]);
        var left = await networks.ChangeAsync(data.Host, data.Network, current => !current.HasMember(caller.TenantId, caller.TeamId) ? null
            : current with
            {
                Members = [.. current.Members.Select(m => m.TenantId == caller.TenantId && m.TeamId == caller.TeamId && m.LeftAt is null ? m with { LeftAt = clock.GetUtcNow() } : m)],
            }, ct);
        if (left is null) return Reply.Text(t["network.error"]);
        await networks.RemoveMembershipAsync(caller.TenantId, caller.TeamId, data.Network, ct);
        return Reply.Text(t.Format("network.leave.done", left.Name));
    }
}
