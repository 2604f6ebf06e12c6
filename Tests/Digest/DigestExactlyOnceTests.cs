using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Digest;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CareCompanion.Tests.Digest;

/// <summary>Each person gets Friday's digest once: with two bot instances on one storage, and after one dies mid-run.</summary>
public sealed class DigestExactlyOnceTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Wednesday);
    private ConnectorSink _connector = null!;
    private BotServer _a = null!;
    private BotServer _b = null!;
    private TeamsActivities _teams = null!;
    private string _tillitsvalgt = "";

    public async Task InitializeAsync()
    {
        var prefix = BotServer.NewTablePrefix();
        _connector = await ConnectorSink.StartAsync();
        _a = await BotServer.StartAsync(fixture.Azurite.ConnectionString, tablePrefix: prefix, clock: _clock, settings: new Dictionary<string, string?> { ["InstanceId"] = "A" });
        _b = await BotServer.StartAsync(fixture.Azurite.ConnectionString, tablePrefix: prefix, clock: _clock, settings: new Dictionary<string, string?> { ["InstanceId"] = "B" });
        _teams = new TeamsActivities(_connector.ServiceUrl);
        await _a.PostAsync(_teams.InstallInTeam());
        _tillitsvalgt = Guid.NewGuid().ToString();
        await _a.Get<RoleRepository>().GrantAsync(_teams.TenantId, _teams.TeamId, _tillitsvalgt, Role.Tillitsvalgt, teamsUserId: "29:" + _tillitsvalgt);
        var form = new System.Text.Json.Nodes.JsonObject
        {
            ["team"] = _teams.TeamId, ["title"] = "Idé til sammendraget", ["category"] = "workflow", ["anonymous"] = "false",
        };
        await _b.PostAsync(_teams.ChannelCardAction(IdeaVerbs.Submit, form, Guid.NewGuid().ToString()));
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 11, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private async Task DrainAsync()
    {
        while (await _a.Get<DeliveryWorker>().ProcessBatchAsync(default) + await _b.Get<DeliveryWorker>().ProcessBatchAsync(default) > 0) { }
    }

    private int DigestsTo(string userId) =>
        _connector.CreatedChats.TryGetValue(userId, out var chat)
            ? _connector.SentTo(chat).Count(s => s.CardText.StartsWith("Ukens sammendrag"))
            : 0;

    [Fact]
    public async Task Two_instances_running_the_schedule_at_the_same_moment_send_each_digest_once()
    {
        await Task.WhenAll(_a.Get<JobScheduler>().RunDueJobsAsync(default), _b.Get<JobScheduler>().RunDueJobsAsync(default));
        await Task.WhenAll(DrainAsync(), DrainAsync());

        Assert.Equal(1, DigestsTo(_teams.UserId));
        Assert.Equal(1, DigestsTo("29:" + _tillitsvalgt));
    }

    [Fact]
    public async Task An_instance_dying_mid_run_leaves_the_rest_to_the_other_and_nobody_gets_it_twice()
    {
        var jobs = _a.Get<JobRepository>();
        var due = Assert.Single(await jobs.ListClaimableAsync(_clock.GetUtcNow(), 100), j => j.Kind == DigestJobs.Kind.Name);
        var claimed = (await jobs.TryClaimAsync(due, "A", _clock.GetUtcNow() + TimeSpan.FromMinutes(5)))!;
        var planned = await _a.Get<IEnumerable<IJobHandler>>().Single(h => h.Kind == DigestJobs.Kind.Name).PlanAsync(claimed, default);
        await _a.Get<FanOut>().QueueAsync(claimed, FanOut.InQueueOrder(planned).Take(1).ToList(), default); // A queues one digest, sends it, and dies
        await _a.Get<DeliveryWorker>().ProcessBatchAsync(default);
        var sentByA = DigestsTo(_teams.UserId) + DigestsTo("29:" + _tillitsvalgt);

        _clock.Advance(TimeSpan.FromMinutes(6));
        await _b.Get<JobScheduler>().RunDueJobsAsync(default);
        await DrainAsync();

        Assert.Equal(2, planned.Count);
        Assert.Equal(1, sentByA);
        Assert.Equal(1, DigestsTo(_teams.UserId));
        Assert.Equal(1, DigestsTo("29:" + _tillitsvalgt));
    }
}
