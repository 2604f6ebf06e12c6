using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// "nettverk": in a team's channel, the team's networks (with a leave button for its leaders); in a personal chat, the
/// networks the person coordinates, with their join codes. Each with its next meeting and the latest reports sent.
/// </summary>
public sealed class NetworkList(NetworkRepository networks, NetworkNames names, RoleGate gate)
{
    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var (t, tenantId) = (turn.T, turn.TenantId!);
        if (turn.ChannelTeamId is { } teamId)
        {
            var views = new List<NetworkView>();
            foreach (var membership in await networks.MembershipsAsync(tenantId, teamId, ct))
            {
                if (await networks.GetAsync(membership.HostTenantId, membership.NetworkId, ct) is { } network && network.HasMember(tenantId, teamId))
                {
                    views.Add(await names.ViewAsync(network, tenantId, t, withCode: false, ct));
                }
            }
            var leads = (await gate.RolesAsync(turn, tenantId, teamId, turn.PersonId!, ct)).Overlaps(Role.Leaders);
            return Reply.Card(NetworkCards.List(turn.Language, views, leads ? teamId : null));
        }
        var mine = (await networks.ListHostedAsync(tenantId, ct)).Where(n => n.CoordinatorAadObjectId == turn.PersonId).OrderBy(n => n.Name);
        var coordinated = new List<NetworkView>();
        foreach (var network in mine) coordinated.Add(await names.ViewAsync(network, tenantId, t, withCode: true, ct));
        return Reply.Card(NetworkCards.List(turn.Language, coordinated));
    }
}
