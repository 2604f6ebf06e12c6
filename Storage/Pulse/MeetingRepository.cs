using CareCompanion.Storage.TeamRecords;

namespace CareCompanion.Storage.Pulse;

/// <summary>Reflection meetings, one partition per team (PK tenant|team, RK meeting id), as JSON.</summary>
public sealed class MeetingRepository(Tables tables)
{
    private readonly TeamRecordTable<Meeting> _meetings = new(tables.Get(TableNames.Meetings));

    public Task<bool> TryAddAsync(Meeting meeting, CancellationToken ct = default) => _meetings.TryAddAsync(meeting, ct);

    public Task<Meeting?> GetAsync(string tenantId, string teamId, string meetingId, CancellationToken ct = default) =>
        _meetings.GetAsync(tenantId, teamId, meetingId, ct);

    public Task<Meeting?> ChangeAsync(string tenantId, string teamId, string meetingId, Func<Meeting, Meeting?> change, CancellationToken ct = default) =>
        _meetings.ChangeAsync(tenantId, teamId, meetingId, change, ct);

    public Task<Changed<Meeting>> ChangeOnceAsync(string tenantId, string teamId, string meetingId, string activityId, Func<Meeting, Meeting?> change,
        CancellationToken ct = default) =>
        _meetings.ChangeOnceAsync(tenantId, teamId, meetingId, activityId, change, ct);

    /// <summary>The team's last meeting posted (a team posts about one a week, so the partition stays small).</summary>
    public async Task<Meeting?> LatestAsync(string tenantId, string teamId, CancellationToken ct = default) =>
        (await _meetings.ListTeamAsync(tenantId, teamId, ct)).MaxBy(m => m.PostedAt);
}
