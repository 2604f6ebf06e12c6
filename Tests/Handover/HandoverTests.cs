using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Handover;

/// <summary>A new leader is not alone: the handover card when the team's leader changes, and "overlevering" on request.</summary>
public sealed class HandoverTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts T = Texts.For(Language.Bokmal);

    [Fact]
    public async Task When_the_leader_changes_with_roller_the_new_leader_gets_one_card_with_what_is_under_way()
    {
        var h = await HandoverTeam.StartAsync(fixture.Azurite);
        await using var _ = h.Team;

        // Liv is made leader, then the old leader steps down (the team must keep a leader, so in this order); Teams
        // delivers each tap twice.
        var given = h.RoleChange(h.OldLeader, h.LivUserId, "grant");
        await h.Team.SendAsync(given);
        await h.Team.SendAsync(given);
        var removed = h.RoleChange(h.Liv, h.OldLeaderUserId, "revoke");
        Assert.Contains(T["roles.saved"], await h.Team.SendAsync(removed));
        await h.Team.RunAtAsync(HandoverTeam.Friday.AddMinutes(1));
        Assert.Contains(T["roles.saved"], await h.Team.SendAsync(removed));
        await h.Team.RunAtAsync(HandoverTeam.Friday.AddMinutes(2));

        var card = Assert.Single(h.HandoverCardsTo(h.Liv)).CardText;
        Assert.Contains(T["handover.intro.new"], card);
        Assert.Contains("Sjukeheimen avd. 2", card);
        Assert.Contains("Sjekkliste ved innkomst\nNy · 23 dager", card);
        Assert.Contains("Fast tid til overlapp\nNy · 8 dager", card);
        Assert.True(card.IndexOf("Sjekkliste ved innkomst") < card.IndexOf("Fast tid til overlapp"), card);
        Assert.DoesNotContain("Avslått idé", card);
        Assert.DoesNotContain(h.Named.SubmitterName!, card);
        Assert.Contains("Alle nyansatte får fadder", card);
        Assert.Contains("Siste: I fare", card);
        Assert.DoesNotContain("Faste makkerpar på helg", card);
        Assert.Contains("«Overlapp mellom vaktene» · fase: Utforske", card);
        Assert.Contains($"«{h.AboveThreshold}»", card);
        Assert.Contains("snitt 4,0 av 5 (5 svar)", card);
        Assert.DoesNotContain(h.BelowThreshold, card);
        Assert.Contains("Per Verneombud\nVerneombud", card);
        Assert.Empty(h.HandoverCardsTo(h.OldLeader));
    }

    [Fact]
    public async Task A_new_leader_gets_the_card_when_the_old_one_leaves_the_team_within_a_week()
    {
        var h = await HandoverTeam.StartAsync(fixture.Azurite);
        await using var _ = h.Team;

        await h.Team.SendAsync(h.RoleChange(h.OldLeader, h.LivUserId, "grant"));
        await h.Team.RunAtAsync(HandoverTeam.Friday.AddDays(6));
        Assert.Empty(h.HandoverCardsTo(h.Liv)); // a second leader alone is no handover
        h.Team.Connector.RemoveMember(h.Team.Teams.TeamId, h.OldLeaderUserId);
        await h.Team.Bot.PostAsync(h.Team.Teams.MembersRemoved((h.OldLeaderUserId, h.OldLeader)));
        await h.Team.RunAtAsync(HandoverTeam.Friday.AddDays(6).AddMinutes(1));

        Assert.Empty(await h.Team.Bot.Get<RoleRepository>().GetAsync(h.Team.Teams.TenantId, h.Team.Teams.TeamId, h.OldLeader));
        Assert.Contains("Sjekkliste ved innkomst", Assert.Single(h.HandoverCardsTo(h.Liv)).CardText);
    }

    [Fact]
    public async Task A_leader_given_more_than_a_week_after_the_last_one_stepped_down_gets_no_card()
    {
        var h = await HandoverTeam.StartAsync(fixture.Azurite);
        await using var _ = h.Team;
        var admin = await h.Team.NewLeaderAsync(Role.Admin);
        h.Team.Connector.AddMember(h.Team.Teams.TeamId, "29:" + admin, admin, "Ada Admin");

        await h.Team.SendAsync(h.RoleChange(admin, h.OldLeaderUserId, "revoke"));
        await h.Team.RunAtAsync(HandoverTeam.Friday.AddDays(8));
        await h.Team.SendAsync(h.RoleChange(admin, h.LivUserId, "grant"));
        await h.Team.RunAtAsync(HandoverTeam.Friday.AddDays(8).AddMinutes(1));

        Assert.Equal([Role.Leader], await h.Team.Bot.Get<RoleRepository>().GetAsync(h.Team.Teams.TenantId, h.Team.Teams.TeamId, h.Liv));
        Assert.Empty(h.HandoverCardsTo(h.Liv));
        Assert.Empty(h.HandoverCardsTo(h.OldLeader));
    }

    [Fact]
    public async Task A_leader_asks_for_the_handover_in_the_channel_and_gets_it_privately_staff_are_refused()
    {
        var h = await HandoverTeam.StartAsync(fixture.Azurite);
        await using var _ = h.Team;
        var staff = Guid.NewGuid().ToString();

        await h.Team.Bot.PostAsync(h.Team.Teams.ChannelMessage("overlevering", fromAadObjectId: staff));
        var refused = h.Team.Connector.SentTo(h.Team.Teams.GeneralChannelId)[^1].Text;
        await h.Team.Bot.PostAsync(h.Team.Teams.ChannelMessage("overlevering"));
        var answered = h.Team.Connector.SentTo(h.Team.Teams.GeneralChannelId)[^1].Text;

        Assert.Equal(T["handover.leadersOnly"], refused);
        Assert.Empty(h.HandoverCardsTo(staff));
        Assert.Equal(T["reply.sentPrivately"], answered);
        var card = Assert.Single(h.HandoverCardsTo(h.OldLeader)).CardText;
        Assert.Contains(T["handover.intro"], card);
        Assert.Contains("Fast tid til overlapp\nNy · 8 dager", card);
        Assert.DoesNotContain(h.BelowThreshold, card);
    }
}
