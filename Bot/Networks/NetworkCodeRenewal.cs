using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// "Bytt kode" on the coordinator's list of networks (personal chat): the network gets a new join code. The old code opens
/// nothing from then on, and a team that types it is told it was replaced; teams already in stay. Only the network's own
/// coordinator can, in the tenant that hosts it.
/// </summary>
public sealed class NetworkCodeRenewal(NetworkRepository networks, NetworkNames names, TimeProvider clock)
{
    public async Task<Reply> RenewAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        if (turn.Payload<NetworkCodeRef>() is not { } data || data.Host != turn.TenantId || await networks.GetAsync(data.Host, data.Network, ct) is not { } network)
        {
            return Reply.Text(t["network.error"]);
        }
        if (network.CoordinatorAadObjectId != turn.PersonId) return Reply.Text(t["network.code.notYours"]);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await networks.RenewCodeAsync(network.HostTenantId, network.NetworkId, NetworkCreation.DrawCode(), clock.GetUtcNow(), ct) is { } renewed)
            {
                var view = await names.ViewAsync(renewed, turn.TenantId!, t, withCode: true, ct);
                return Reply.Card(NetworkCards.List(turn.Language, [view], notice: t.Format("network.code.renewed", renewed.Name, renewed.JoinCode)));
            }
        }
        throw new InvalidOperationException("Could not draw a free join code.");
    }
}
