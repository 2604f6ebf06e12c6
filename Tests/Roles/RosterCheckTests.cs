using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Digest;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Roles;

/// <summary>
/// Roles follow membership even when Teams' membersRemoved never reached the bot: before Friday's digest the team's
/// roster is read whole, and whoever it no longer lists loses their roles; a roster that cannot be read changes nothing.
/// </summary>
public sealed class RosterCheckTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset MondayAfter = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The coach and the tillitsvalgt (who gets the digest) are in the roster behind 600 colleagues (its second page, as Teams pages by 500);
    /// the leader who installed the app is not.
    /// </summary>
    private static async Task<DigestTeam> TeamWhoseLeaderLeftSilentlyAsync(AzuriteFixture fixture)
    {
        var digest = await DigestTeam.StartAsync(fixture.Azurite);
        var team = digest.Team;
        foreach (var i in Enumerable.Range(0, 600)) team.Connector.AddMember(team.Teams.TeamId, $"29:!colleague-{i:D3}", Guid.NewGuid().ToString());
        team.Connector.AddMember(team.Teams.TeamId, "29:" + digest.Coach, digest.Coach);
        team.Connector.AddMember(team.Teams.TeamId, "29:" + digest.Tillitsvalgt, digest.Tillitsvalgt);
        // The question in the channel only: 602 personal prompts would wait on the fake clock's send rate, and are not what this is about.
        var pulse = team.Bot.Get<PulseRepository>();
        var settings = (await pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;
        await pulse.SaveSettingsAsync(settings with { Delivery = PulseDelivery.Channel });
        return digest;
    }

    [Fact]
    public async Task A_leader_the_roster_no_longer_lists_loses_the_role_before_the_digest_and_gets_no_digest_and_no_comments_afterwards()
    {
        var digest = await TeamWhoseLeaderLeftSilentlyAsync(fixture);
        var team = digest.Team;
        await using var _ = team;
        var roles = team.Bot.Get<RoleRepository>();

        await digest.RunFridayAsync();

        Assert.Empty(digest.DigestsTo(digest.Leader));
        Assert.Single(digest.DigestsTo(digest.Tillitsvalgt));
        Assert.Empty(await roles.GetAsync(team.Teams.TenantId, team.Teams.TeamId, digest.Leader));
        Assert.Equal([Role.Coach], await roles.GetAsync(team.Teams.TenantId, team.Teams.TeamId, digest.Coach));

        // A week of the rotation, not an anchor week: anchor questions are scale only and take no comments.
        var settings = (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;
        await team.Pulse.SaveSettingsAsync(settings with { RoundsSinceAnchor = 0 });
        var round = await team.OpenRoundAsync(MondayAfter);
        foreach (var i in Enumerable.Range(0, PulseSettings.DefaultMinComments)) await team.AnswerAsync(round, Guid.NewGuid().ToString(), 3, $"Travel uke {i}");
        var sentBeforeClose = team.Connector.Sent.Count;
        await team.RunAtAsync(round.ClosesAt);

        var afterClose = team.Connector.Sent.Skip(sentBeforeClose).ToList();
        Assert.Contains(afterClose, s => s.ConversationId == team.Connector.CreatedChats["29:" + digest.Coach] && s.CardText.Contains("Travel uke 0"));
        var leadersChat = Assert.Contains(team.Teams.UserId, team.Connector.CreatedChats); // opened while they led
        Assert.DoesNotContain(afterClose, s => s.ConversationId == leadersChat);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(502)]
    public async Task A_roster_that_cannot_be_read_revokes_nobody_and_the_leader_gets_the_digest(int status)
    {
        var digest = await TeamWhoseLeaderLeftSilentlyAsync(fixture);
        var team = digest.Team;
        await using var _ = team;
        team.Connector.RosterStatus = status;

        await digest.RunFridayAsync();

        Assert.Single(digest.DigestsTo(digest.Leader));
        Assert.Equal([Role.Leader], await team.Bot.Get<RoleRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId, digest.Leader));
    }
}
