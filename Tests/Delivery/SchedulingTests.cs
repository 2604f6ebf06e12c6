using CareCompanion.Bot.Broadcast;
using CareCompanion.Bot.Telemetry;
using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Delivery;

public sealed class SchedulingTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_job_is_not_run_before_it_is_due()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        await bots.SeedConversationsAsync(3);
        await bots.ScheduleBroadcastAsync("job-early", bots.Clock.GetUtcNow().AddMinutes(10));

        var ran = await bots.RunSchedulersConcurrentlyAsync();

        Assert.Equal(0, ran.Sum());
        Assert.Equal(0, await bots.Queue.ApproximateCountAsync());
        Assert.Equal(JobState.Pending, (await bots.Jobs.GetAsync("job-early"))!.State);
    }

    [Fact]
    public async Task Two_instances_claiming_the_same_due_job_run_it_exactly_once()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        var conversations = await bots.SeedConversationsAsync(40);
        await bots.ScheduleBroadcastAsync("job-once", bots.Clock.GetUtcNow().AddMinutes(1));
        bots.Clock.Advance(TimeSpan.FromMinutes(2));

        var ran = await bots.RunSchedulersConcurrentlyAsync();
        var ranAgain = await bots.RunSchedulersConcurrentlyAsync();

        Assert.Equal(1, ran.Sum());
        Assert.Equal(0, ranAgain.Sum());
        Assert.Equal(40, await bots.Queue.ApproximateCountAsync());
        var job = (await bots.Jobs.GetAsync("job-once"))!;
        Assert.Equal(JobState.Done, job.State);
        Assert.Equal(40, job.Recipients);

        await bots.DrainQueueAsync();

        Assert.Equal(conversations.Order(), bots.Connector.Sent.Select(s => s.ConversationId).Order());
        Assert.All(bots.Connector.Sent, s => Assert.Equal("Husk personalmøtet på torsdag.", s.Text));
    }

    [Fact]
    public async Task Scheduling_the_same_job_id_twice_keeps_one_job()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);

        Assert.True(await bots.ScheduleBroadcastAsync("job-unique", bots.Clock.GetUtcNow()));
        Assert.False(await bots.ScheduleBroadcastAsync("job-unique", bots.Clock.GetUtcNow().AddHours(1)));
    }

    [Fact]
    public async Task A_crashed_instances_job_is_run_by_another_after_the_lease_and_nobody_gets_it_twice()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        var conversations = await bots.SeedConversationsAsync(20);
        await bots.ScheduleBroadcastAsync("job-crash", bots.Clock.GetUtcNow());

        // Instance A claims the job, queues the first of two chunks of its messages and records it (the fan-out records
        // every chunk but the last, which the job's completion records), the first few are sent... then A dies.
        var job = (await bots.Jobs.GetAsync("job-crash"))!;
        var claimedByA = await bots.Jobs.TryClaimAsync(job, "A", bots.Clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        Assert.NotNull(claimedByA);
        var planned = await bots.A.Get<IEnumerable<IJobHandler>>().Single(h => h.Kind == claimedByA.Kind).PlanAsync(claimedByA, default);
        var firstChunk = FanOut.InQueueOrder(planned).Take(10).ToList();
        var queued = await bots.A.Get<FanOut>().QueueAsync(claimedByA, firstChunk, default);
        await bots.Jobs.RecordProgressAsync(queued!, firstChunk[^1].To.ConversationId, bots.Clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        await bots.A.Get<DeliveryWorker>().ProcessBatchAsync(default);
        Assert.Equal(10, bots.Connector.Sent.Count);

        bots.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await bots.B.Get<JobScheduler>().RunDueJobsAsync(default)); // A's lease still holds

        bots.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await bots.B.Get<JobScheduler>().RunDueJobsAsync(default));
        Assert.Equal(10, await bots.Queue.ApproximateCountAsync()); // B goes on after the last conversation A queued
        await bots.DrainQueueAsync();

        Assert.Equal(conversations.Order(), bots.Connector.Sent.Select(s => s.ConversationId).Order());
        var done = (await bots.Jobs.GetAsync("job-crash"))!;
        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(2, done.Attempts);
    }

    [Fact]
    public async Task A_large_job_is_queued_a_chunk_at_a_time_as_the_senders_make_room_and_reaches_everyone_once()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite, new Dictionary<string, string?>
        {
            ["Scheduler:MaxQueued"] = "10",
            ["Scheduler:FanOutChunk"] = "5",
        });
        var conversations = await bots.SeedConversationsAsync(33);
        await bots.ScheduleBroadcastAsync("job-large", bots.Clock.GetUtcNow());

        var running = bots.A.Get<JobScheduler>().RunDueJobsAsync(default);
        var longestQueue = 0;
        for (var step = 0; step < 100 && !running.IsCompleted; step++)
        {
            await Task.Delay(50);
            longestQueue = Math.Max(longestQueue, await bots.Queue.ApproximateCountAsync());
            await bots.B.Get<DeliveryWorker>().ProcessBatchAsync(default);
            bots.Clock.Advance(TimeSpan.FromSeconds(1)); // the fan-out looks for room once a second
        }
        Assert.Equal(1, await running);
        await bots.DrainQueueAsync();

        Assert.InRange(longestQueue, 1, 10);
        Assert.Equal(conversations.Order(), bots.Connector.Sent.Select(s => s.ConversationId).Order());
        var done = (await bots.Jobs.GetAsync("job-large"))!;
        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(33, done.Recipients);
        Assert.Null(done.QueuedThrough); // the progress mark names a chat: a done job keeps none
    }

    [Fact]
    public async Task A_late_job_still_runs_and_is_counted_as_late()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        using var measured = new BotMeasurements(bots.A);
        await bots.SeedConversationsAsync(2);
        await bots.ScheduleBroadcastAsync("job-late", bots.Clock.GetUtcNow());
        bots.Clock.Advance(TimeSpan.FromMinutes(12));

        await bots.A.Get<JobScheduler>().RunDueJobsAsync(default);

        var broadcast = $"{BotTelemetry.JobKind}={BroadcastJob.JobKind}";
        Assert.Equal([12 * 60.0], measured.Values("carecompanion.job.lateness", broadcast));
        Assert.Equal([2.0], measured.Values("carecompanion.delivery.due", broadcast));
    }

    [Fact]
    public async Task Finished_jobs_are_cleared_a_month_later_by_the_nightly_sweep()
    {
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite);
        await bots.ScheduleBroadcastAsync("job-old", bots.Clock.GetUtcNow());
        await bots.A.Get<JobScheduler>().RunDueJobsAsync(default);
        Assert.Equal(JobState.Done, (await bots.Jobs.GetAsync("job-old"))!.State);

        bots.Clock.Advance(TimeSpan.FromDays(1)); // the next nightly sweep: the job is a day old and stays
        await bots.A.Get<JobScheduler>().RunDueJobsAsync(default);
        Assert.NotNull(await bots.Jobs.GetAsync("job-old"));

        bots.Clock.Advance(TimeSpan.FromDays(31));
        await bots.A.Get<JobScheduler>().RunDueJobsAsync(default);
        Assert.Null(await bots.Jobs.GetAsync("job-old"));
    }
}
