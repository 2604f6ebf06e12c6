using Azure.Data.Tables;
using CareCompanion.Bot.Broadcast;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Storage;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Delivery;

/// <summary>A poll reads the jobs that are due, whatever is pending for later, and takes them fairly across tenants and kinds.</summary>
public sealed class DueJobsTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Dictionary<string, string> Text = new() { ["nb"] = "Hei.", ["en"] = "Hi." };

    private static ScheduledJob Job(string id, string tenant, DateTimeOffset due, string kind = BroadcastJob.JobKind) =>
        BroadcastJob.Create(id, tenant, due, Text) with { Kind = kind };

    [Fact]
    public async Task With_100000_future_jobs_pending_a_poll_reads_the_due_ones_and_little_else()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        var now = bots.Clock.GetUtcNow();
        // Later this hour, next week's rounds, nudges weeks ahead: in due order, as a week of scheduling leaves them.
        var future = Enumerable.Range(0, 100_000).Select(i => Job($"future-{i:D6}", $"tenant-{i % 50}", now.AddMinutes(1 + i * 0.4)));
        Assert.Equal(100_000, await bots.Jobs.ScheduleManyAsync(future));
        var due = Enumerable.Range(0, 5).Select(i => Job($"due-{i}", $"tenant-{i}", now.AddMinutes(-i))).ToList();
        foreach (var job in due) await bots.Jobs.ScheduleAsync(job);

        var before = bots.Jobs.RowsRead;
        var claimable = await bots.Jobs.ListClaimableAsync(now, 100);
        var rowsRead = bots.Jobs.RowsRead - before;

        Assert.Equal(due.Select(j => j.JobId).Order(), claimable.Select(j => j.JobId).Order());
        Assert.InRange(rowsRead, due.Count, 2 * due.Count + 100);
    }

    [Fact]
    public async Task A_tenant_with_a_backlog_does_not_hold_back_another_tenants_due_job()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite, new Dictionary<string, string?> { ["Scheduler:JobsPerPass"] = "100" });
        var now = bots.Clock.GetUtcNow();
        await bots.Jobs.ScheduleManyAsync(Enumerable.Range(0, 1000).Select(i => Job($"backlog-{i:D4}", "tenant-a", now.AddMinutes(-20).AddSeconds(i))));
        await bots.Jobs.ScheduleAsync(Job("tenant-b-round", "tenant-b", now.AddMinutes(-1)));

        var ran = await bots.A.Get<JobScheduler>().RunDueJobsAsync(default);

        Assert.Equal(100, ran);
        Assert.Equal(JobState.Done, (await bots.Jobs.GetAsync("tenant-b-round"))!.State);
        Assert.Equal(JobState.Done, (await bots.Jobs.GetAsync("backlog-0000"))!.State);
        Assert.Equal(JobState.Pending, (await bots.Jobs.GetAsync("backlog-0999"))!.State);
    }

    [Fact]
    public async Task Due_jobs_are_taken_in_due_order_whatever_their_kind()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        var now = bots.Clock.GetUtcNow();
        await bots.Jobs.ScheduleAsync(Job("idea.post|t|late", "t", now.AddMinutes(-1), kind: "idea.post"));
        await bots.Jobs.ScheduleAsync(Job("pulse.round|t|early", "t", now.AddMinutes(-5), kind: "pulse.round"));

        var first = await bots.Jobs.ListClaimableAsync(now, max: 1);

        Assert.Equal("pulse.round|t|early", Assert.Single(first).JobId);
    }

    [Fact]
    public async Task A_rescheduled_released_or_cancelled_job_is_due_where_it_now_is_and_nowhere_else()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        var now = bots.Clock.GetUtcNow();
        await bots.Jobs.ScheduleAsync(Job("moved", "t", now.AddMinutes(-5)));
        await bots.Jobs.ScheduleAsync(Job("cancelled", "t", now.AddMinutes(-5)));
        await bots.Jobs.ScheduleAsync(Job("failed", "t", now.AddMinutes(-5)));

        Assert.True(await bots.Jobs.RescheduleAsync("moved", now.AddHours(3)));
        Assert.True(await bots.Jobs.CancelAsync("cancelled"));
        var claimed = await bots.Jobs.TryClaimAsync((await bots.Jobs.GetAsync("failed"))!, "A", now.AddMinutes(1));
        await bots.Jobs.ReleaseAsync(claimed!, now.AddHours(2), "boom");

        Assert.Empty(await bots.Jobs.ListClaimableAsync(now, 100));
        Assert.Equal(["failed"], (await bots.Jobs.ListClaimableAsync(now.AddHours(2), 100)).Where(j => j.TenantId == "t").Select(j => j.JobId));
        Assert.Equal(["failed", "moved"], (await bots.Jobs.ListClaimableAsync(now.AddHours(3), 100)).Where(j => j.TenantId == "t").Select(j => j.JobId));
        Assert.True(await bots.Jobs.ScheduleAsync(Job("cancelled", "t", now.AddHours(4)))); // its id is free again
    }

    [Fact]
    public async Task Jobs_stored_the_old_way_are_moved_on_the_first_poll_and_found_by_id_before_it()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        var now = bots.Clock.GetUtcNow();
        await bots.SeedConversationsAsync(3);
        var table = bots.A.Get<Tables>().Get(TableNames.Jobs);
        await table.AddEntityAsync(LegacyRow(Job("old-due", TwoInstances.TenantId, now.AddMinutes(-1))));
        await table.AddEntityAsync(LegacyRow(Job("old-next-week", TwoInstances.TenantId, now.AddDays(7))));
        await table.AddEntityAsync(LegacyRow(Job("old-cancelled", TwoInstances.TenantId, now.AddDays(7))));

        Assert.True(await bots.Jobs.CancelAsync("old-cancelled")); // found by id before any poll moved it
        Assert.Equal(1, await bots.B.Get<JobScheduler>().RunDueJobsAsync(default));
        await bots.DrainQueueAsync();

        Assert.Equal(3, bots.Connector.Sent.Count);
        Assert.Empty(table.Query<TableEntity>(row => row.PartitionKey == "due"));
        Assert.Equal(JobState.Done, (await bots.Jobs.GetAsync("old-due"))!.State);
        Assert.Null(await bots.Jobs.GetAsync("old-cancelled"));
        Assert.Equal(["old-next-week"], (await bots.Jobs.ListClaimableAsync(now.AddDays(7), 100)).Where(j => j.TenantId == TwoInstances.TenantId).Select(j => j.JobId));
    }

    /// <summary>A job row as the bot wrote it before the due entries: every job in one partition "due", keyed by its id.</summary>
    private static TableEntity LegacyRow(ScheduledJob job) => new("due", KeyEncoding.Encode(job.JobId))
    {
        ["JobId"] = job.JobId, ["Kind"] = job.Kind, ["TenantId"] = job.TenantId, ["DueAt"] = job.DueAt,
        ["Payload"] = job.Payload, ["State"] = JobState.Pending, ["Attempts"] = 0, ["Recipients"] = 0,
    };
}
