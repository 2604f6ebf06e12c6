using System.Text.Json.Nodes;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Networks;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Networks;

/// <summary>
/// Learning networks across three municipalities: who may join, what each municipality finds of what was shared at
/// each scope, adoptions, the status before a meeting, and switching cross-municipality sharing off.
/// </summary>
public sealed class NetworkTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts T = Texts.For(Language.Bokmal);

    [Fact]
    public async Task A_team_of_another_municipality_joins_only_when_both_municipalities_allow_it_and_a_team_of_the_same_one_always_can()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var network = await world.CreateNetworkAsync();

        var whileBothOff = await world.JoinAsync(world.B, network.JoinCode);
        await world.SettingsAsync(world.B, crossTenant: true, "Skaun");
        var whileHostOff = await world.JoinAsync(world.B, network.JoinCode);
        var sameTenant = await world.JoinAsync(world.A, network.JoinCode);
        await world.SettingsAsync(world.A, crossTenant: true, "Melhus", world.Coordinator.UserAadObjectId);
        var bothOn = await world.JoinAsync(world.B, network.JoinCode.ToLowerInvariant());
        var wrongCode = await world.JoinAsync(world.C, "NOSUCHCD");

        Assert.Contains(T["network.join.ownTenantOff"], whileBothOff);
        Assert.Contains(T["network.join.hostTenantOff"], whileHostOff);
        Assert.Contains(T.Format("network.join.joined", network.Name), sameTenant);
        Assert.Contains(T.Format("network.join.joined", network.Name), bothOn);
        Assert.Contains("Skaun", bothOn);
        Assert.Contains(T["network.join.unknownCode"], wrongCode);
        var stored = await world.Networks.GetAsync(network.HostTenantId, network.NetworkId);
        Assert.Equal(new[] { world.A.TeamId, world.B.TeamId }.Order(), stored!.Current.Select(m => m.TeamId).Order());
    }

    [Fact]
    public async Task A_practice_card_is_found_in_the_scope_it_was_shared_into_and_nowhere_else_and_hidden_at_once_when_its_municipality_switches_off()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var network = await InNetworkAsync(world);
        var idea = await TryingIdeaAsync(world, anonymous: true);
        foreach (var (scope, what) in new[] { ("team", "Overlapp i teamet"), ("tenant", "Overlapp i kommunen"), ("network:" + network.NetworkId, "Overlapp i nettverket") })
        {
            var shared = await world.SendAsync(world.A.ChannelCardAction(PracticeVerbs.Share, Share(world.A.TeamId, idea.IdeaId, what, scope), world.A.UserAadObjectId));
            Assert.Contains(what, shared);
        }

        var fromA = await world.SearchAsync(world.A, "overlapp i");
        var fromA2 = await world.SearchAsync(world.A2, "overlapp i");
        var fromB = await world.SearchAsync(world.B, "overlapp");
        var fromC = await world.SearchAsync(world.C, "overlapp");
        var byTheme = await world.SearchAsync(world.B, "palliasjon");
        var byMunicipality = await world.SearchAsync(world.B, "melhus");

        Assert.Equal(["Fast tid til overlapp", "Overlapp i kommunen", "Overlapp i nettverket", "Overlapp i teamet"], fromA.Order()); // its own idea too
        Assert.Equal(["Overlapp i kommunen"], fromA2);
        Assert.Equal(["Overlapp i nettverket"], fromB);
        Assert.Empty(fromC);
        Assert.Equal(["Overlapp i nettverket"], byTheme);
        Assert.Equal(["Overlapp i nettverket"], byMunicipality);

        await world.SettingsAsync(world.A, crossTenant: false, "Melhus", world.Coordinator.UserAadObjectId);

        Assert.Empty(await world.SearchAsync(world.B, "overlapp"));
        Assert.Equal(4, (await world.SearchAsync(world.A, "overlapp i")).Count);
    }

    [Fact]
    public async Task A_practice_card_shows_municipality_and_unit_never_an_anonymous_submitter_and_counts_each_team_that_tried_it_once()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var network = await InNetworkAsync(world);
        var idea = await TryingIdeaAsync(world, anonymous: true);
        await world.SendAsync(world.A.ChannelCardAction(PracticeVerbs.Share, Share(world.A.TeamId, idea.IdeaId, "Fast tid til overlapp", "network:" + network.NetworkId),
            world.A.UserAadObjectId));
        var card = (await world.Bot.Get<PracticeRepository>().ListAsync("network|" + network.NetworkId)).Single();
        var adopt = new JsonObject { ["where"] = card.Partition, ["practice"] = card.PracticeId };

        var first = await world.SendAsync(world.B.ChannelCardAction(PracticeVerbs.Adopt, adopt.DeepClone().AsObject(), world.B.UserAadObjectId));
        var colleague = world.Member(world.B);
        var again = await world.SendAsync(colleague.ChannelCardAction(PracticeVerbs.Adopt, adopt.DeepClone().AsObject(), colleague.UserAadObjectId));
        var outsider = await world.SendAsync(world.C.ChannelCardAction(PracticeVerbs.Adopt, adopt.DeepClone().AsObject(), world.C.UserAadObjectId));

        Assert.Contains("Melhus", first);
        Assert.Contains("Sjukeheimen avd. 2", first);
        Assert.DoesNotContain("Kari Nordmann", first); // the idea's (anonymous) submitter, who also shared without ticking "name me"
        Assert.Contains(T.Format("practice.card.adoptions", 1), again);
        Assert.Equal(T["network.error"], outsider);
        Assert.Equal([world.B.TenantId + "|" + world.B.TeamId], (await world.Bot.Get<PracticeRepository>().GetAsync(card.Partition, card.PracticeId))!.AdoptedBy);
    }

    [Fact]
    public async Task A_circle_result_shared_to_the_network_tells_its_topic_pick_and_status_and_is_found_from_the_other_municipality_in_it_only()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var network = await InNetworkAsync(world);
        var circle = await CircleMadeIdeaAsync(world);

        await world.Bot.PostAsync(world.A.ChannelMessage("del praksis"));
        var form = world.Connector.SentTo(world.A.GeneralChannelId)[^1].CardText;
        Assert.Contains(T["practice.source.circle"] + " Overlapp mellom vaktene", form);
        Assert.Contains(T["practice.form.circleFills"], form);
        var shared = await world.SendAsync(world.A.ChannelCardAction(PracticeVerbs.Share, new JsonObject
        {
            ["team"] = world.A.TeamId, ["source"] = "circle:" + circle.CircleId, ["what"] = "", ["why"] = "", ["result"] = "", ["lesson"] = "Alle må få si sitt først",
            ["theme"] = "other", ["stage"] = "wip", ["scope"] = "network:" + network.NetworkId, ["contact"] = "false",
        }, world.A.UserAadObjectId));

        Assert.Contains("Sjekkliste på vaktrommet", shared);
        Assert.Contains(T.Format("practice.circle.why", "Overlapp mellom vaktene"), shared);
        Assert.Contains(T.Format("practice.circle.idea", T["idea.status.trying"]), shared);
        Assert.Contains("Alle må få si sitt først", shared);
        var card = (await world.Bot.Get<PracticeRepository>().ListAsync("network|" + network.NetworkId)).Single();
        Assert.Equal((PracticeSource.Circle, circle.CircleId, (string?)null), (card.Source, card.SourceId, card.ContactName));
        foreach (var text in new[] { shared, card.What + card.Why + card.Result + card.Lesson })
        {
            Assert.DoesNotContain("Beskjeder blir borte", text); // the worksheet stays in the team,
            Assert.DoesNotContain("permen", text); // and so do the inputs
            Assert.DoesNotContain("Ingrid", text); // and who wrote them
        }
        Assert.Equal(["Sjekkliste på vaktrommet"], await world.SearchAsync(world.B, "sjekkliste"));
        Assert.Equal(["Sjekkliste på vaktrommet"], await world.SearchAsync(world.B, "overlapp mellom vaktene"));
        Assert.Empty(await world.SearchAsync(world.C, "sjekkliste"));
        Assert.Empty(await world.SearchAsync(world.A2, "sjekkliste"));
    }

    [Fact]
    public async Task Before_a_meeting_each_member_team_gets_the_status_card_the_coordinator_sees_who_reported_and_nudges_the_late_team()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var network = await InNetworkAsync(world);
        var statusDay = new DateTimeOffset(NetworkWorld.Meeting.AddDays(-7).ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);

        await world.RunAtAsync(statusDay);
        var title = T.Format("network.status.title", network.Name, "10.02.2027");
        Assert.Contains(world.Connector.SentTo(world.A.GeneralChannelId), s => s.CardText.Contains(title));
        Assert.Contains(world.Connector.SentTo(world.B.GeneralChannelId), s => s.CardText.Contains(title));
        Assert.DoesNotContain(world.Connector.SentTo(world.C.GeneralChannelId), s => s.CardText.Contains(title));

        var report = new JsonObject
        {
            ["team"] = world.B.TeamId, ["host"] = network.HostTenantId, ["network"] = network.NetworkId, ["meeting"] = "2027-02-10",
            ["tried"] = "Fast ukemøte om palliative pasienter", ["happened"] = "Færre innleggelser", ["next"] = "Ta med fastlegen", ["help"] = "Nattevakta",
        };
        var staff = world.Member(world.B);
        var saved = await world.SendAsync(world.B.ChannelCardAction(NetworkVerbs.SaveReport, report.DeepClone().AsObject(), staff.UserAadObjectId));
        var staffSends = await world.SendAsync(world.B.ChannelCardAction(NetworkVerbs.SendReport, report.DeepClone().AsObject(), staff.UserAadObjectId));
        Assert.Null((await world.Bot.Get<NetworkReportRepository>().GetAsync(network.NetworkId, NetworkWorld.Meeting, world.B.TenantId, world.B.TeamId))!.SentAt);
        var sent = await world.SendAsync(world.B.ChannelCardAction(NetworkVerbs.SendReport, report.DeepClone().AsObject(), world.B.UserAadObjectId));

        await world.RunAtAsync(statusDay.AddDays(6));
        // The week's question may reach the coordinator's chat in the same run, in any order.
        var agenda = world.Connector.SentTo(world.Coordinator.PersonalConversationId).Last(s => s.CardText.Contains("Fast ukemøte om palliative pasienter")).CardText;
        var nudge = await world.SendAsync(world.Coordinator.PersonalCardAction(NetworkVerbs.Nudge, new JsonObject
        {
            ["host"] = network.HostTenantId, ["network"] = network.NetworkId, ["meeting"] = "2027-02-10", ["memberTenant"] = world.A.TenantId, ["memberTeam"] = world.A.TeamId,
        }, world.Coordinator.UserAadObjectId));
        await world.RunAtAsync(statusDay.AddDays(6).AddMinutes(1));

        Assert.Contains(T["network.status.savedNotice"], saved);
        Assert.Equal(T["network.leadersOnly"], staffSends);
        Assert.Contains(T["network.status.sentNotice"], sent);
        Assert.Contains(T.Format("network.agenda.count", 1, 2), agenda);
        Assert.Contains("Fast ukemøte om palliative pasienter", agenda);
        Assert.Contains(T["network.agenda.late"] + "\nSjukeheimen avd. 2 (Melhus)", agenda);
        Assert.Contains(T.Format("network.agenda.nudged", "Sjukeheimen avd. 2"), nudge);
        Assert.Contains(world.Connector.SentTo(world.A.GeneralChannelId), s => s.CardText.Contains(T.Format("network.status.nudge", network.Name)));
    }

    [Fact]
    public async Task A_team_that_leaves_gets_no_more_status_cards_and_its_practice_cards_leave_with_it()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var network = await InNetworkAsync(world);
        var idea = await TryingIdeaAsync(world, anonymous: false);
        await world.SendAsync(world.A.ChannelCardAction(PracticeVerbs.Share, Share(world.A.TeamId, idea.IdeaId, "Overlapp i nettverket", "network:" + network.NetworkId),
            world.A.UserAadObjectId));
        Assert.Equal(["Overlapp i nettverket"], await world.SearchAsync(world.B, "overlapp"));

        var left = await world.SendAsync(world.A.ChannelCardAction(NetworkVerbs.Leave,
            new JsonObject { ["team"] = world.A.TeamId, ["host"] = network.HostTenantId, ["network"] = network.NetworkId }, world.A.UserAadObjectId));
        await world.RunAtAsync(new DateTimeOffset(NetworkWorld.Meeting.AddDays(-7).ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero));

        Assert.Equal(T.Format("network.leave.done", network.Name), left);
        Assert.Empty(await world.SearchAsync(world.B, "overlapp"));
        Assert.Contains(world.Connector.SentTo(world.B.GeneralChannelId), s => s.CardText.Contains(T["network.status.intro"]));
        Assert.DoesNotContain(world.Connector.SentTo(world.A.GeneralChannelId), s => s.CardText.Contains(T["network.status.intro"]));
    }

    [Fact]
    public async Task Only_the_municipalitys_admin_changes_its_settings_and_only_its_coordinators_create_networks()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var teamAdminOfB = await world.SendAsync(world.B.ChannelCardAction(NetworkVerbs.SaveSettings,
            new JsonObject { ["team"] = world.B.TeamId, ["crossTenant"] = "true", ["municipality"] = "Skaun" }, world.B.UserAadObjectId));
        var otherAdmin = await world.SendAsync(world.B.ChannelCardAction(NetworkVerbs.SaveSettings,
            new JsonObject { ["team"] = world.B.TeamId, ["crossTenant"] = "true", ["municipality"] = "Skaun" }, world.Admins[world.A.TenantId]));
        var leaderCreates = await world.SendAsync(world.B.PersonalCardAction(NetworkVerbs.Create,
            new JsonObject { ["name"] = "Eget nettverk", ["theme"] = "dementia", ["meeting1"] = "2027-03-01" }, world.B.UserAadObjectId));
        // The coordinator of Melhus is nobody's coordinator in Skaun.
        var coordinatorElsewhere = new TeamsActivities(world.Connector.ServiceUrl) { TenantId = world.B.TenantId, UserAadObjectId = world.Coordinator.UserAadObjectId };
        var fromSkaun = await world.SendAsync(coordinatorElsewhere.PersonalCardAction(NetworkVerbs.Create,
            new JsonObject { ["name"] = "Eget nettverk", ["theme"] = "dementia", ["meeting1"] = "2027-03-01" }, world.Coordinator.UserAadObjectId));

        Assert.Equal(T["network.adminOnly"], teamAdminOfB);
        Assert.False((await world.Networks.SettingsAsync(world.B.TenantId)).CrossTenantAllowed);
        Assert.Equal(T["network.adminOnly"], otherAdmin);
        Assert.Equal(T["network.coordinatorOnly"], leaderCreates);
        Assert.Equal(T["network.coordinatorOnly"], fromSkaun);
        Assert.Empty(await world.Networks.ListHostedAsync(world.B.TenantId));
    }

    [Fact]
    public async Task After_the_meeting_a_leader_brings_takeaways_home_to_the_team_channel_and_the_other_leaders_are_told()
    {
        await using var world = await NetworkWorld.StartAsync(fixture.Azurite);
        var network = await InNetworkAsync(world);
        var otherLeader = world.Member(world.B);
        await world.Bot.Get<RoleRepository>().GrantAsync(world.B.TenantId, world.B.TeamId, otherLeader.UserAadObjectId, Role.Leader, teamsUserId: otherLeader.UserId);
        await world.Bot.PostAsync(world.B.InstallPersonal());

        await world.RunAtAsync(new DateTimeOffset(NetworkWorld.Meeting.AddDays(1).ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero));
        var prompt = string.Join("\n", world.Connector.SentTo(world.B.PersonalConversationId).Select(m => m.CardText));
        var posted = await world.SendAsync(world.B.PersonalCardAction(NetworkVerbs.Takeaways, new JsonObject
        {
            ["team"] = world.B.TeamId, ["host"] = network.HostTenantId, ["network"] = network.NetworkId, ["meeting"] = "2027-02-10",
            ["takeaway1"] = "Fast ukemøte om palliative pasienter", ["takeaway2"] = "", ["takeaway3"] = "Ta med fastlegen",
        }, world.B.UserAadObjectId));
        await world.RunAtAsync(new DateTimeOffset(NetworkWorld.Meeting.AddDays(1).ToDateTime(new TimeOnly(7, 5)), TimeSpan.Zero));

        Assert.Contains(T.Format("network.takeaways.title", network.Name), prompt);
        Assert.Equal(T["network.takeaways.thanks"], posted);
        var inChannel = string.Join("\n", world.Connector.SentTo(world.B.GeneralChannelId).Select(m => m.CardText));
        Assert.Contains(T.Format("network.takeaways.posted", network.Name), inChannel);
        Assert.Contains("• Fast ukemøte om palliative pasienter\n• Ta med fastlegen", inChannel);
        var toOtherLeader = string.Join("\n", world.Connector.SentTo(world.Connector.CreatedChats[otherLeader.UserId]).Select(m => m.CardText));
        Assert.Contains("Ta med fastlegen", toOtherLeader);
        Assert.DoesNotContain(world.Connector.SentTo(world.C.GeneralChannelId), s => s.CardText.Contains(T.Format("network.takeaways.posted", network.Name)));
    }

    internal static JsonObject Share(string teamId, string ideaId, string what, string scope) => new()
    {
        ["team"] = teamId, ["source"] = "idea:" + ideaId, ["what"] = what, ["why"] = "Rapporten ble avbrutt", ["result"] = "Roligere vaktskifte",
        ["lesson"] = "Start med én vakt", ["theme"] = "palliation", ["stage"] = "finished", ["scope"] = scope, ["contact"] = "false",
    };

    /// <summary>Melhus and Skaun allow networks across municipalities; team A and team B are in the coordinator's network, C and A2 are not.</summary>
    internal static async Task<Network> InNetworkAsync(NetworkWorld world)
    {
        await world.SettingsAsync(world.A, crossTenant: true, "Melhus", world.Coordinator.UserAadObjectId);
        await world.SettingsAsync(world.B, crossTenant: true, "Skaun");
        var network = await world.CreateNetworkAsync();
        await world.JoinAsync(world.A, network.JoinCode);
        await world.JoinAsync(world.B, network.JoinCode);
        return network;
    }

    /// <summary>
    /// Team A's improvement circle after "Teste": its worksheet and inputs (one named, one anonymous) and the picked proposal,
    /// made an idea being tried out (the circle's own walk is in Tests/Hms).
    /// </summary>
    private static async Task<Circle> CircleMadeIdeaAsync(NetworkWorld world)
    {
        var (tenant, team, at) = (world.A.TenantId, world.A.TeamId, NetworkWorld.Now);
        var circle = new Circle
        {
            TenantId = tenant, TeamId = team, CircleId = "c1", Topic = "Overlapp mellom vaktene", GroupTeamId = team, StartedAt = at.AddDays(-40),
            Phase = CirclePhases.Done, Picked = "Sjekkliste på vaktrommet", IdeaId = "i1",
            Phases = [new CirclePhase(CirclePhases.Explore)
            {
                CameUp = "Beskjeder blir borte ved vaktskifte.",
                Inputs = [new("Nattevakta skriver i permen.", "ingrid", "Ingrid Hansen", at.AddDays(-38)), new("Kveldsvakta får ikke med seg alt.", null, null, at.AddDays(-37))],
            }],
        };
        await world.Bot.Get<CircleRepository>().TryAddAsync(circle);
        await world.Bot.Get<IdeaRepository>().TryAddAsync(new Idea
        {
            TenantId = tenant, TeamId = team, IdeaId = "i1", Title = circle.Picked, Category = "workflow", Status = IdeaStatus.Trying,
            CreatedAt = at.AddDays(-5), StatusChangedAt = at.AddDays(-5), CircleId = circle.CircleId, CircleTopic = circle.Topic,
        });
        return circle;
    }

    /// <summary>An idea of team A, sent by its leader (anonymously or not), being tried out.</summary>
    internal static async Task<Idea> TryingIdeaAsync(NetworkWorld world, bool anonymous)
    {
        var a = world.A;
        await world.SendAsync(a.ChannelCardAction(IdeaVerbs.Submit, new JsonObject
        {
            ["team"] = a.TeamId, ["title"] = "Fast tid til overlapp", ["description"] = "Kl. 14:45", ["category"] = "workflow", ["anonymous"] = anonymous ? "true" : "false",
        }, a.UserAadObjectId));
        var idea = (await world.Bot.Get<IdeaRepository>().ListTeamAsync(a.TenantId, a.TeamId)).Single();
        await world.SendAsync(a.ChannelCardAction(IdeaVerbs.Status, new JsonObject
        {
            ["team"] = a.TeamId, ["idea"] = idea.IdeaId, [IdeaVerbs.StatusInput(idea.IdeaId)] = IdeaStatus.Trying, [IdeaVerbs.ReasonInput(idea.IdeaId)] = "Vi prøver",
        }, a.UserAadObjectId));
        return idea;
    }
}
