using System.Diagnostics;
using CareCompanion.Bot.Broadcast;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Instances;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Tests.Support;
using Xunit.Abstractions;

namespace CareCompanion.Tests.Faults;

/// <summary>
/// The background loops on the real clock (scheduler, delivery worker, heartbeat) while storage goes away and comes
/// back: nobody restarts the bot, and what was due or under way reaches everyone once. The leases are short here
/// (3 s for a job, 10 s for a delivery) so an interrupted pass is taken up within the test's patience.
/// </summary>
public sealed class BackgroundRecoveryTests(ITestOutputHelper output)
{
    private const string TenantId = "tenant-recovery";

    [Fact]
    public async Task A_job_that_falls_due_during_an_outage_runs_and_is_delivered_once_storage_is_back_and_the_heartbeat_resumes()
    {
        await using var azurite = await AzuriteServer.WithOutagesAsync();
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await StartAsync(azurite, messagesPerSecond: 500);
        var chats = await SeedChatsAsync(bot, connector, 3);
        await bot.Get<JobRepository>().ScheduleAsync(Broadcast("job-due-in-outage", DateTimeOffset.UtcNow.AddSeconds(1)));

        azurite.GoDown();
        await Task.Delay(TimeSpan.FromSeconds(3)); // the job falls due; every loop fails a few passes
        Assert.Empty(connector.Sent);
        azurite.ComeBack();
        var back = Stopwatch.StartNew();
        var cameBackAt = DateTimeOffset.UtcNow;

        await WaitUntilAsync(() => chats.All(c => connector.SentTo(c).Count > 0), TimeSpan.FromSeconds(30));
        var deliveredIn = back.Elapsed;
        var instances = bot.Get<InstanceRepository>();
        await WaitUntilAsync(() => instances.CountAliveAsync(cameBackAt, cameBackAt.AddDays(-1)).Result > 0, TimeSpan.FromSeconds(10));
        output.WriteLine($"Due job delivered {deliveredIn.TotalMilliseconds:0} ms after storage came back.");

        Assert.All(chats, c => Assert.Single(connector.SentTo(c)));
        Assert.Equal(JobState.Done, (await bot.Get<JobRepository>().GetAsync("job-due-in-outage"))!.State);
    }

    [Fact]
    public async Task A_fan_out_cut_off_by_an_outage_finishes_after_it_with_nobody_missed_and_nobody_twice()
    {
        await using var azurite = await AzuriteServer.WithOutagesAsync();
        await using var connector = await ConnectorSink.StartAsync();
        // 20 a second and at most 5 queued: 40 messages take about 2 s, so the outage comes in the middle.
        await using var bot = await StartAsync(azurite, messagesPerSecond: 20);
        var chats = await SeedChatsAsync(bot, connector, 40);
        await bot.Get<JobRepository>().ScheduleAsync(Broadcast("job-cut-off", DateTimeOffset.UtcNow));

        await WaitUntilAsync(() => connector.Sent.Count >= 8, TimeSpan.FromSeconds(30));
        azurite.GoDown();
        var sentBefore = connector.Sent.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        azurite.ComeBack();
        var back = Stopwatch.StartNew();

        await WaitUntilAsync(() => chats.All(c => connector.SentTo(c).Count > 0), TimeSpan.FromSeconds(60));
        var finishedIn = back.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(11)); // past every lease: a message sent twice would show up now
        output.WriteLine($"Cut off after {sentBefore} of 40; all 40 delivered {finishedIn.TotalMilliseconds:0} ms after storage came back.");

        Assert.InRange(sentBefore, 8, 39);
        Assert.Equal(chats.Order(), connector.Sent.Select(s => s.ConversationId).Order()); // each chat once: none lost, none twice
        Assert.Equal(JobState.Done, (await bot.Get<JobRepository>().GetAsync("job-cut-off"))!.State);
    }

    private static Task<BotServer> StartAsync(AzuriteServer azurite, int messagesPerSecond) => BotServer.StartAsync(azurite.ConnectionString,
        settings: new Dictionary<string, string?>
        {
            ["Scheduler:PollInterval"] = "00:00:00.2",
            ["Scheduler:Lease"] = "00:00:03",
            ["Scheduler:MaxQueued"] = "5",
            ["Scheduler:FanOutChunk"] = "5",
            ["Scheduler:FanOutPoll"] = "00:00:00.1",
            ["Delivery:IdlePoll"] = "00:00:00.1",
            ["Delivery:HeartbeatInterval"] = "00:00:00.5",
            ["Delivery:Lease"] = "00:00:10",
            ["Delivery:MessagesPerSecond"] = messagesPerSecond.ToString(),
        });

    private static ScheduledJob Broadcast(string jobId, DateTimeOffset dueAt) =>
        BroadcastJob.Create(jobId, TenantId, dueAt, new Dictionary<string, string> { ["nb"] = "Husk personalmøtet på torsdag." });

    private static async Task<IReadOnlyList<string>> SeedChatsAsync(BotServer bot, ConnectorSink connector, int count)
    {
        var repository = bot.Get<ConversationRepository>();
        var ids = Enumerable.Range(0, count).Select(i => $"a:recovery-{i:D3}").ToList();
        foreach (var id in ids)
        {
            await repository.ActivateAsync(new StoredConversation
            {
                TenantId = TenantId, ConversationId = id, Scope = ConversationScope.Personal,
                ServiceUrl = connector.ServiceUrl, BotId = TeamsActivities.BotId, Locale = "nb-NO",
            });
        }
        return ids;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan patience)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < patience, $"Not done after {patience.TotalSeconds:0} s.");
            await Task.Delay(100);
        }
    }
}
