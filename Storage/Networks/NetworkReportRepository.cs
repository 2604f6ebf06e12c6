namespace CareCompanion.Storage.Networks;

/// <summary>Reports per network meeting: PK "network id|meeting date", RK "tenant|team" (one report per team and meeting).</summary>
public sealed class NetworkReportRepository(Tables tables)
{
    private readonly JsonTable<NetworkReport> _reports = new(tables.Get(TableNames.NetworkReports));

    private static string Partition(string networkId, DateOnly meeting) => $"{networkId}|{meeting:yyyy-MM-dd}";

    public Task<NetworkReport?> GetAsync(string networkId, DateOnly meeting, string tenantId, string teamId, CancellationToken ct = default) =>
        _reports.GetAsync(Partition(networkId, meeting), tenantId + "|" + teamId, ct);

    public Task<IReadOnlyList<NetworkReport>> ListAsync(string networkId, DateOnly meeting, CancellationToken ct = default) =>
        _reports.ListAsync(Partition(networkId, meeting), ct);

    /// <summary>Every report a team of the tenant wrote, in any network (a scan over row keys): for privacy requests only.</summary>
    public async Task<IReadOnlyList<NetworkReport>> ListOfTenantAsync(string tenantId, CancellationToken ct = default) =>
        [.. (await _reports.QueryAsync(JsonTable<NetworkReport>.StartsWith(tenantId + "|", rowKeys: true), ct)).Select(r => r.Record)];

    /// <summary>Every report of every network: for the nightly retention sweep only.</summary>
    public async Task<IReadOnlyList<NetworkReport>> ListAllAsync(CancellationToken ct = default) =>
        [.. (await _reports.QueryAsync(null, ct)).Select(r => r.Record)];

    /// <summary>Changes a stored report (<paramref name="change"/> returns null to leave it).</summary>
    public Task<NetworkReport?> ChangeAsync(NetworkReport report, Func<NetworkReport, NetworkReport?> change, CancellationToken ct = default) =>
        _reports.ChangeAsync(Partition(report.NetworkId, report.Meeting), report.TenantId + "|" + report.TeamId, change, ct);

    public Task DeleteAsync(NetworkReport report, CancellationToken ct = default) =>
        _reports.DeleteAsync(Partition(report.NetworkId, report.Meeting), report.TenantId + "|" + report.TeamId, ct);

    /// <summary>Creates the team's report or changes it (<paramref name="change"/> gets an empty one the first time).</summary>
    public async Task<NetworkReport> SaveAsync(NetworkReport empty, Func<NetworkReport, NetworkReport> change, CancellationToken ct = default)
    {
        var pk = Partition(empty.NetworkId, empty.Meeting);
        var rk = empty.TenantId + "|" + empty.TeamId;
        await _reports.TryAddAsync(pk, rk, empty, ct);
        return (await _reports.ChangeAsync(pk, rk, change, ct))!;
    }
}
