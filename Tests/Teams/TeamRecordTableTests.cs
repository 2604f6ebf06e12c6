using Azure.Data.Tables;
using CareCompanion.Storage.TeamRecords;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Teams;

/// <summary>
/// The rule every card change relies on, in its one place: Teams redelivers an activity it saw no answer to in time, so
/// a change is applied once per activity id; a refused change stores nothing; two people at once both count.
/// </summary>
public sealed class TeamRecordTableTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private sealed record Tally : TeamRecord
    {
        public required string TallyId { get; init; }
        public int Count { get; init; }
        public override string RecordId => TallyId;
    }

    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = new TableClient(fixture.Azurite.ConnectionString, "tally" + Guid.NewGuid().ToString("N")[..12]);
        await _table.CreateAsync();
    }

    public async Task DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task An_activity_delivered_twice_changes_the_record_once_and_both_deliveries_see_it_applied()
    {
        var tallies = new TeamRecordTable<Tally>(_table);
        await tallies.TryAddAsync(new Tally { TenantId = "t", TeamId = "team", TallyId = "a" }, default);

        var first = await tallies.ChangeOnceAsync("t", "team", "a", "activity-1", t => t with { Count = t.Count + 1 }, default);
        var again = await tallies.ChangeOnceAsync("t", "team", "a", "activity-1", t => t with { Count = t.Count + 1 }, default);
        var other = await tallies.ChangeOnceAsync("t", "team", "a", "activity-2", t => t with { Count = t.Count + 1 }, default);

        Assert.True(first.Applied && again.Applied && other.Applied);
        Assert.Equal(2, (await tallies.GetAsync("t", "team", "a", default))!.Count);
    }

    [Fact]
    public async Task A_refused_change_stores_nothing_and_says_so_and_a_missing_record_is_no_record()
    {
        var tallies = new TeamRecordTable<Tally>(_table);
        await tallies.TryAddAsync(new Tally { TenantId = "t", TeamId = "team", TallyId = "b", Count = 5 }, default);

        var refused = await tallies.ChangeOnceAsync("t", "team", "b", "activity-1", _ => null, default);
        var missing = await tallies.ChangeOnceAsync("t", "team", "nope", "activity-1", t => t with { Count = 1 }, default);

        Assert.Equal((5, false), (refused.Record!.Count, refused.Applied));
        Assert.Equal((null, false), (missing.Record, missing.Applied));
        Assert.Empty((await tallies.GetAsync("t", "team", "b", default))!.RecentActivities);
    }

    [Fact]
    public async Task Twenty_people_tapping_at_once_are_all_counted()
    {
        var tallies = new TeamRecordTable<Tally>(_table);
        await tallies.TryAddAsync(new Tally { TenantId = "t", TeamId = "team", TallyId = "c" }, default);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            tallies.ChangeOnceAsync("t", "team", "c", $"activity-{i}", t => t with { Count = t.Count + 1 }, default)));

        Assert.Equal(20, (await tallies.GetAsync("t", "team", "c", default))!.Count);
    }
}
