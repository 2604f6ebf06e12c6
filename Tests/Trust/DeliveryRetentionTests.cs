using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CareCompanion.Bot.Privacy;
using CareCompanion.Cards.Privacy;
using CareCompanion.Storage;
using CareCompanion.Storage.Delivery;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Trust;

/// <summary>
/// Delivery rows name the chat each job went to. An anonymous idea's author is nowhere in storage once they delete their
/// data, and every delivery row goes with its job after the job's retention, rows a worker left mid-send included.
/// </summary>
public sealed class DeliveryRetentionTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task After_delete_my_data_an_anonymous_ideas_author_is_nowhere_in_storage()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var ola = Guid.NewGuid().ToString();
        var idea = await team.SubmitIdeaAsync(ola, team.Form(anonymous: true));
        await team.DecideAsync(idea, team.Teams.UserAadObjectId, "considering", "Vi ser på det.");
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(5));
        var chat = team.Connector.CreatedChats["29:" + ola];
        Assert.NotEmpty(StorageScan.RowsHolding(team.Bot, ola, chat)); // the idea and the decision notice to Ola's chat

        await team.SendAsync(team.Teams.PersonalCardAction(PrivacyVerbs.Delete, new JsonObject { ["for"] = ola }, ola));

        Assert.Empty(StorageScan.RowsHolding(team.Bot, ola, "29:" + ola, chat));
    }

    [Fact]
    public async Task Delivery_rows_are_gone_with_their_job_after_its_retention_those_left_mid_send_too()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var idea = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(anonymous: true));
        await team.DecideAsync(idea, team.Teams.UserAadObjectId, "considering", "Vi ser på det.");
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(5));
        var done = team.Bot.Get<Tables>().Get(TableNames.Jobs).Query<TableEntity>(row => row.GetString("State") == "Done").First();
        var stranded = new DeliveryMessage
        {
            JobId = done.GetString("JobId"), TenantId = done.GetString("TenantId"), ConversationId = "a:left-mid-send",
            ServiceUrl = team.Connector.ServiceUrl, BotId = TeamsActivities.BotId, ActivityJson = "{}",
        };
        await team.Bot.Get<DeliveryRepository>().TryClaimAsync(stranded, "worker-that-died", team.Clock.GetUtcNow(), TimeSpan.FromMinutes(1), default);
        var deliveries = team.Bot.Get<Tables>().Get(TableNames.Deliveries);
        var before = deliveries.Query<TableEntity>().Select(row => (row.PartitionKey, row.RowKey)).ToList();

        await team.RunAtAsync(IdeaSteps.Monday + RetentionJob.KeepDoneJobs - TimeSpan.FromHours(1));
        var keptWithinRetention = deliveries.Query<TableEntity>().Select(row => (row.PartitionKey, row.RowKey)).ToList();
        await team.RunAtAsync(IdeaSteps.Monday.AddDays(2) + RetentionJob.KeepDoneJobs);

        Assert.Contains(before, row => row.RowKey == KeyEncoding.Encode(stranded.ConversationId));
        Assert.Contains(before, row => row.RowKey == KeyEncoding.Encode(team.Teams.GeneralChannelId));
        Assert.All(before, row => Assert.Contains(row, keptWithinRetention));
        Assert.Empty(deliveries.Query<TableEntity>().Select(row => (row.PartitionKey, row.RowKey)).Intersect(before));
    }
}
