using CareCompanion.Storage.TeamRecords;

namespace CareCompanion.Storage.Hms;

/// <summary>Improvement circles, one partition per team (PK tenant|team, RK circle id), as JSON.</summary>
public sealed class CircleRepository(Tables tables)
{
    private readonly TeamRecordTable<Circle> _circles = new(tables.Get(TableNames.HmsCircles));

    public Task<bool> TryAddAsync(Circle circle, CancellationToken ct = default) => _circles.TryAddAsync(circle, ct);

    public Task<Circle?> GetAsync(string tenantId, string teamId, string circleId, CancellationToken ct = default) => _circles.GetAsync(tenantId, teamId, circleId, ct);

    public Task<Changed<Circle>> ChangeOnceAsync(string tenantId, string teamId, string circleId, string activityId, Func<Circle, Circle?> change,
        CancellationToken ct = default) =>
        _circles.ChangeOnceAsync(tenantId, teamId, circleId, activityId, change, ct);

    public Task<Circle?> ChangeAsync(string tenantId, string teamId, string circleId, Func<Circle, Circle?> change, CancellationToken ct = default) =>
        _circles.ChangeAsync(tenantId, teamId, circleId, change, ct);

    public Task<IReadOnlyList<Circle>> ListAsync(string tenantId, string teamId, CancellationToken ct = default) => _circles.ListTeamAsync(tenantId, teamId, ct);

    /// <summary>Every circle of the tenant: for privacy requests only.</summary>
    public Task<IReadOnlyList<Circle>> ListTenantAsync(string tenantId, CancellationToken ct = default) => _circles.ListTenantAsync(tenantId, ct);

    /// <summary>The team's circle still under way, if any (a team runs one at a time).</summary>
    public async Task<Circle?> ActiveAsync(string tenantId, string teamId, CancellationToken ct = default) =>
        (await ListAsync(tenantId, teamId, ct)).Where(c => c.Active).MaxBy(c => c.StartedAt);
}
