namespace CareCompanion.Storage.Networks;

/// <summary>
/// Tenant settings, networks, join codes and memberships, in one table. Partitions: "settings" rows and networks under
/// their tenant; a team's memberships under "tenant|team" (so a channel finds its networks in one read); a join code
/// under "code" (a code is typed in another tenant, so it cannot lead with one).
/// </summary>
public sealed class NetworkRepository(Tables tables)
{
    private const string SettingsRow = "settings";
    private readonly JsonTable<TenantNetworkSettings> _settings = new(tables.Get(TableNames.Networks));
    private readonly JsonTable<Network> _networks = new(tables.Get(TableNames.Networks));
    private readonly JsonTable<NetworkCode> _codes = new(tables.Get(TableNames.Networks));
    private readonly JsonTable<NetworkMembership> _memberships = new(tables.Get(TableNames.Networks));

    public async Task<TenantNetworkSettings> SettingsAsync(string tenantId, CancellationToken ct = default) =>
        await _settings.GetAsync("tenant|" + tenantId, SettingsRow, ct) ?? TenantNetworkSettings.Default(tenantId);

    public Task SaveSettingsAsync(TenantNetworkSettings settings, CancellationToken ct = default) =>
        _settings.UpsertAsync("tenant|" + settings.TenantId, SettingsRow, settings, ct);

    /// <summary>Stores a new network and its join code; false when the code is taken (draw another).</summary>
    public async Task<bool> TryAddAsync(Network network, CancellationToken ct = default)
    {
        if (!await _codes.TryAddAsync("code", network.JoinCode, new NetworkCode(network.HostTenantId, network.NetworkId), ct)) return false;
        await _networks.TryAddAsync("network|" + network.HostTenantId, network.NetworkId, network, ct);
        return true;
    }

    public Task<Network?> GetAsync(string hostTenantId, string networkId, CancellationToken ct = default) =>
        _networks.GetAsync("network|" + hostTenantId, networkId, ct);

    /// <summary>The network a join code opens now; null for a code never drawn or one the coordinator has replaced.</summary>
    public async Task<Network?> ByCodeAsync(string code, CancellationToken ct = default) =>
        await _codes.GetAsync("code", code, ct) is { RenewedAt: null } found && await GetAsync(found.HostTenantId, found.NetworkId, ct) is { } network
            && network.JoinCode == code ? network : null;

    /// <summary>Whether the code was a network's until its coordinator replaced it (so the team is told to ask for the new one).</summary>
    public async Task<bool> WasRenewedAsync(string code, CancellationToken ct = default) => await _codes.GetAsync("code", code, ct) is { RenewedAt: not null };

    /// <summary>
    /// Gives the network <paramref name="newCode"/>: the old code opens nothing from the moment the network's row says so
    /// (<see cref="ByCodeAsync"/> checks both), and its row stays, marked renewed. False when the new code is taken (draw another);
    /// null when there is no such network.
    /// </summary>
    public async Task<Network?> RenewCodeAsync(string hostTenantId, string networkId, string newCode, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!await _codes.TryAddAsync("code", newCode, new NetworkCode(hostTenantId, networkId), ct)) return null;
        var old = "";
        var renewed = await ChangeAsync(hostTenantId, networkId, current =>
        {
            old = current.JoinCode;
            return current with { JoinCode = newCode };
        }, ct);
        if (renewed is null)
        {
            await _codes.DeleteAsync("code", newCode, ct);
            return null;
        }
        await _codes.UpsertAsync("code", old, new NetworkCode(hostTenantId, networkId, now), ct);
        return renewed;
    }

    public Task<Network?> ChangeAsync(string hostTenantId, string networkId, Func<Network, Network?> change, CancellationToken ct = default) =>
        _networks.ChangeAsync("network|" + hostTenantId, networkId, change, ct);

    /// <summary>The networks created in a tenant (a coordinator's list).</summary>
    public Task<IReadOnlyList<Network>> ListHostedAsync(string hostTenantId, CancellationToken ct = default) =>
        _networks.ListAsync("network|" + hostTenantId, ct);

    /// <summary>Every network of every host: for the nightly retention sweep only.</summary>
    public async Task<IReadOnlyList<Network>> ListAllAsync(CancellationToken ct = default) =>
        [.. (await _networks.QueryAsync(JsonTable<Network>.StartsWith("network|"), ct)).Select(r => r.Record)];

    public Task<IReadOnlyList<NetworkMembership>> MembershipsAsync(string tenantId, string teamId, CancellationToken ct = default) =>
        _memberships.ListAsync(TeamPartition(tenantId, teamId), ct);

    public Task AddMembershipAsync(string tenantId, string teamId, NetworkMembership membership, CancellationToken ct = default) =>
        _memberships.UpsertAsync(TeamPartition(tenantId, teamId), membership.NetworkId, membership, ct);

    public Task RemoveMembershipAsync(string tenantId, string teamId, string networkId, CancellationToken ct = default) =>
        _memberships.DeleteAsync(TeamPartition(tenantId, teamId), networkId, ct);

    private static string TeamPartition(string tenantId, string teamId) => "team|" + tenantId + "|" + teamId;
}
