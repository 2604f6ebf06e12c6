using CareCompanion.Bot.Roles;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// Who may read a practice card, decided when it is read: its own team for the team scope; any team of its
/// municipality for the municipality scope; for a network, the teams in the network now, and across municipalities
/// only while both allow it now (<see cref="TenantRoles.MaySeeAcrossAsync"/>). A team that left the network takes its
/// cards with it. Nothing here is cached or copied: a switch turned off hides the cards from the next read on.
/// </summary>
public sealed class PracticeReaders(PracticeRepository practices, NetworkRepository networks, NetworkNames names, TenantRoles tenants)
{
    /// <summary>Every card the reader's teams may read, from the partitions of their teams, tenant and networks.</summary>
    public async Task<IReadOnlyList<(PracticeCard Card, string ScopeLabel)>> VisibleAsync(string tenantId, IReadOnlyList<string> teamIds, Texts t, CancellationToken ct)
    {
        // The partitions side by side: every search of the messaging extension waits for them (one after another they
        // were three round trips for a team in no network: 17 → 62 ms at 16 users).
        var teamCards = teamIds.Select(teamId => practices.ListAsync(PracticeRepository.PartitionOf(PracticeScope.Team, tenantId, teamId, null), ct)).ToList();
        var tenantCards = practices.ListAsync(PracticeRepository.PartitionOf(PracticeScope.Tenant, tenantId, "", null), ct);
        var inNetworks = NetworksOfAsync(tenantId, teamIds, ct);
        var found = new List<(PracticeCard, string)>();
        foreach (var cards in await Task.WhenAll(teamCards)) found.AddRange(cards.Select(c => (c, t["practice.scope.team"])));
        found.AddRange((await tenantCards).Select(c => (c, t["practice.scope.tenant"])));
        foreach (var network in await inNetworks)
        {
            foreach (var card in await practices.ListAsync(PracticeRepository.PartitionOf(PracticeScope.Network, "", "", network.NetworkId), ct))
            {
                if (await InNetworkAsync(network, card, tenantId, ct)) found.Add((card, network.Name));
            }
        }
        return found;
    }

    /// <summary>The card at <paramref name="where"/> if the reader's team may read it; otherwise null (as if there were none).</summary>
    public async Task<(PracticeCard Card, string ScopeLabel)?> ReadAsync(string where, string practiceId, string tenantId, string teamId, Texts t, CancellationToken ct)
    {
        if (await practices.GetAsync(where, practiceId, ct) is not { } card || card.Partition != where) return null;
        return card.Scope switch
        {
            PracticeScope.Team when card.TenantId == tenantId && card.TeamId == teamId => (card, t["practice.scope.team"]),
            PracticeScope.Tenant when card.TenantId == tenantId => (card, t["practice.scope.tenant"]),
            PracticeScope.Network when (await NetworksOfAsync(tenantId, [teamId], ct)).FirstOrDefault(n => n.NetworkId == card.NetworkId) is { } network
                && await InNetworkAsync(network, card, tenantId, ct) => (card, network.Name),
            _ => null,
        };
    }

    public async Task<PracticeView> ViewAsync(PracticeCard card, string scopeLabel, Texts t, CancellationToken ct) => new(
        card.Partition, card.PracticeId, await names.MunicipalityAsync(card.TenantId, t, ct), card.TeamName, card.What, card.Why, card.Result, card.Lesson,
        card.Theme, card.Finished, card.ContactName, card.AdoptedBy.Count(a => a != card.TenantId + "|" + card.TeamId), scopeLabel);

    /// <summary>The networks the teams are in now (a membership row and the network's own list agree).</summary>
    public async Task<IReadOnlyList<Network>> NetworksOfAsync(string tenantId, IReadOnlyList<string> teamIds, CancellationToken ct)
    {
        var result = new List<Network>();
        foreach (var teamId in teamIds)
        {
            foreach (var membership in await networks.MembershipsAsync(tenantId, teamId, ct))
            {
                if (result.Any(n => n.NetworkId == membership.NetworkId)) continue;
                if (await networks.GetAsync(membership.HostTenantId, membership.NetworkId, ct) is { } network && network.HasMember(tenantId, teamId)) result.Add(network);
            }
        }
        return result;
    }

    private async Task<bool> InNetworkAsync(Network network, PracticeCard card, string readerTenant, CancellationToken ct) =>
        network.HasMember(card.TenantId, card.TeamId) && await tenants.MaySeeAcrossAsync(readerTenant, card.TenantId, ct);
}
