using CareCompanion.Bot.Scheduling;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CareCompanion.Tests.Delivery;

/// <summary>A job whose planning outlasts the lease (a digest over many teams) stays with the instance planning it.</summary>
public sealed class LongPlanningTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_job_planning_for_longer_than_its_lease_is_not_taken_up_by_the_other_instance_and_runs_once()
    {
        var planner = new SlowPlanner();
        await using var bots = await TwoInstances.StartAsync(fixture.Azurite, services: s => s.AddSingleton<IJobHandler>(planner));
        await bots.Jobs.ScheduleAsync(new ScheduledJob
        {
            JobId = "slow|" + TwoInstances.TenantId, Kind = SlowPlanner.KindName, TenantId = TwoInstances.TenantId, DueAt = bots.Clock.GetUtcNow(), Payload = "{}",
        });

        var byA = bots.A.Get<JobScheduler>().RunDueJobsAsync(default);
        await planner.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Three minutes pass while A plans (the lease is one): a step at a time, so the renewals get written.
        for (var step = 0; step < 18; step++)
        {
            bots.Clock.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(150);
        }
        var byB = await bots.B.Get<JobScheduler>().RunDueJobsAsync(default);
        planner.Release.SetResult();

        Assert.Equal(0, byB);
        Assert.Equal(1, await byA);
        Assert.Equal(1, planner.Calls);
        var job = (await bots.Jobs.GetAsync("slow|" + TwoInstances.TenantId))!;
        Assert.Equal((JobState.Done, 1), (job.State, job.Attempts));
    }

    /// <summary>Plans nothing; the first planning waits until the test lets it go.</summary>
    private sealed class SlowPlanner : IJobHandler
    {
        public const string KindName = "test.slow";
        private int _calls;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Calls => _calls;
        public string Kind => KindName;

        public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                Started.SetResult();
                await Release.Task;
            }
            return [];
        }
    }
}
