using System.Text.Json.Nodes;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Hms;

/// <summary>The HMS group: made by a leader, people named and confirming, a second team added by its own leader, and what the group does for all its teams.</summary>
public sealed class HmsGroupTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts T = Texts.For(Language.Bokmal);
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_named_person_confirms_in_their_chat_and_the_groups_message_reaches_both_its_teams_signed_by_its_members()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        var leader = team.Teams.UserAadObjectId;
        var group = await team.CreateGroupAsync();
        Assert.True(group.HasConfirmed(leader));

        var siri = Guid.NewGuid().ToString();
        team.Connector.AddMember(team.Teams.TeamId, "29:" + siri, siri, "Siri Tillitsvalgt");
        var named = await team.SendAsync(team.Teams.ChannelCardAction(HmsVerbs.Name,
            new JsonObject { ["team"] = team.Teams.TeamId, ["person"] = "29:" + siri, ["role"] = Role.Tillitsvalgt }, leader));
        Assert.Contains(T["hms.named"], named);
        Assert.Contains("Siri Tillitsvalgt", named);
        Assert.Contains(T["hms.pending"], named);
        await team.RunAtAsync(Tuesday.AddMinutes(1));
        var ask = Assert.Single(team.ChatCards(siri));
        Assert.Contains("Kari Nordmann har nevnt deg som tillitsvalgt i HMS-gruppa for", ask.CardText);

        // Before confirming, Siri cannot act for the group.
        var early = await team.SendAsync(team.Teams.PersonalCardAction(HmsVerbs.Post, new JsonObject { ["team"] = team.Teams.TeamId, ["message"] = "Hei" }, siri));
        Assert.Equal(T["hms.membersOnly"], early);
        var confirmed = await team.SendAsync(team.Teams.PersonalCardAction(HmsVerbs.Confirm, new JsonObject { ["team"] = team.Teams.TeamId }, siri));
        Assert.Contains(T["hms.confirmed"], confirmed);
        Assert.Contains(Role.Tillitsvalgt, await team.Bot.Get<RoleRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId, siri));

        // The leader of a second unit (the same person here) adds it from that team's channel.
        var second = new TeamsActivities(team.Connector.ServiceUrl) { TenantId = team.Teams.TenantId, UserAadObjectId = leader };
        await team.Bot.PostAsync(second.InstallInTeam());
        await team.Bot.PostAsync(second.ChannelMessage("hms-gruppe"));
        Assert.Contains(T["hms.choose"], team.Connector.SentTo(second.GeneralChannelId)[^1].CardText);
        var joined = await team.SendAsync(second.ChannelCardAction(HmsVerbs.Join, new JsonObject { ["team"] = second.TeamId, ["group"] = team.Teams.TeamId }, leader));
        Assert.Contains(T["hms.joined"], joined);
        Assert.Contains(Role.Tillitsvalgt, await team.Bot.Get<RoleRepository>().GetAsync(team.Teams.TenantId, second.TeamId, siri));

        var posted = await team.SendAsync(team.Teams.PersonalCardAction(HmsVerbs.Post,
            new JsonObject { ["team"] = team.Teams.TeamId, ["message"] = "Vi vil høre fra dere om overlapp før møtet." }, siri));
        Assert.Contains(T.Format("hms.posted", 2), posted);
        await team.RunAtAsync(Tuesday.AddMinutes(2));
        foreach (var channel in new[] { team.Teams.GeneralChannelId, second.GeneralChannelId })
        {
            var message = Assert.Single(team.Connector.SentTo(channel), s => s.CardText.Contains(T["hms.message.from"]));
            Assert.Contains("Vi vil høre fra dere om overlapp før møtet.", message.CardText);
            Assert.Contains("Kari Nordmann (Leder), Siri Tillitsvalgt (Tillitsvalgt)", message.CardText);
        }
    }

    [Fact]
    public async Task The_group_puts_its_question_in_each_teams_queue_and_a_staff_member_cannot()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        await team.CreateGroupAsync();
        var per = await team.NameAndConfirmAsync("Per Verneombud", Role.Verneombud, Tuesday.AddMinutes(1));
        var question = new JsonObject { ["team"] = team.Teams.TeamId, ["text"] = "Hvor trygg var du på jobb denne uka?", ["low"] = "Utrygg", ["high"] = "Trygg" };

        var staff = await team.SendAsync(team.Teams.ChannelCardAction(HmsVerbs.Question, question.DeepClone().AsObject(), Guid.NewGuid().ToString()));
        Assert.Equal(T["hms.membersOnly"], staff);
        var added = await team.SendAsync(team.Teams.PersonalCardAction(HmsVerbs.Question, question, per));

        Assert.Contains(T.Format("hms.question.added", 1), added);
        var settings = await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId);
        var queued = Assert.Single(settings!.TeamQuestions);
        Assert.Equal(("Hvor trygg var du på jobb denne uka?", "Utrygg", "Trygg"), (queued.Text, queued.Low, queued.High));
    }
}
