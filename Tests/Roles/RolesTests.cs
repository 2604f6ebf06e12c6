using System.Text.Json.Nodes;
using CareCompanion.Cards.Roles;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Roles;

/// <summary>"roller": leaders give and take roles, for people in the team's roster, and the team keeps a leader.</summary>
public sealed class RolesTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(PulseTeam Team, string Kari)> TeamWithRosterAsync(AzuriteFixture fixture)
    {
        var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var kari = Guid.NewGuid().ToString();
        team.Connector.AddMember(team.Teams.TeamId, team.Teams.UserId, team.Teams.UserAadObjectId, "Liv Hansen");
        team.Connector.AddMember(team.Teams.TeamId, "29:" + kari, kari, "Kari Nordmann");
        return (team, kari);
    }

    private static JsonObject Change(PulseTeam team, string userId, string role, string change) => new()
    {
        ["team"] = team.Teams.TeamId, ["person"] = userId, ["role"] = role, ["change"] = change,
    };

    [Fact]
    public async Task A_leader_sees_the_roster_with_roles_and_makes_a_colleague_coach()
    {
        var (team, kari) = await TeamWithRosterAsync(fixture);
        await using var _ = team;

        await team.Bot.PostAsync(team.Teams.ChannelMessage("roller"));
        var card = team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].CardText;
        var reply = await team.SendAsync(team.Teams.ChannelCardAction(RoleVerbs.Set, Change(team, "29:" + kari, Role.Coach, "grant"), team.Teams.UserAadObjectId));

        Assert.Contains("Roller i teamet", card);
        Assert.Contains("Liv Hansen\nLeder", card);
        Assert.Contains("Kari Nordmann", card);
        Assert.Contains("Lagret.", reply);
        Assert.Contains("Kari Nordmann\nVeileder", reply);
        Assert.Equal(["coach"], await team.Bot.Get<RoleRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId, kari));
    }

    [Fact]
    public async Task Staff_cannot_change_roles_not_even_their_own_with_a_forged_card()
    {
        var (team, kari) = await TeamWithRosterAsync(fixture);
        await using var _ = team;

        var reply = await team.SendAsync(team.Teams.ChannelCardAction(RoleVerbs.Set, Change(team, "29:" + kari, Role.Leader, "grant"), kari));
        await team.Bot.PostAsync(team.Teams.ChannelMessage("roller", fromAadObjectId: kari));

        Assert.Contains("Bare ledere og administratorer i teamet kan endre roller.", reply);
        Assert.Contains("Bare ledere og administratorer", team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].Text);
        Assert.Empty(await team.Bot.Get<RoleRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId, kari));
    }

    [Fact]
    public async Task A_role_is_given_only_to_someone_in_the_team_and_the_last_leader_cannot_step_down()
    {
        var (team, kari) = await TeamWithRosterAsync(fixture);
        await using var _ = team;
        var leader = team.Teams.UserAadObjectId;

        var outsider = await team.SendAsync(team.Teams.ChannelCardAction(RoleVerbs.Set, Change(team, "29:stranger", Role.Leader, "grant"), leader));
        var lastLeader = await team.SendAsync(team.Teams.ChannelCardAction(RoleVerbs.Set, Change(team, team.Teams.UserId, Role.Leader, "revoke"), leader));
        await team.SendAsync(team.Teams.ChannelCardAction(RoleVerbs.Set, Change(team, "29:" + kari, Role.Admin, "grant"), leader));
        var stepsDown = await team.SendAsync(team.Teams.ChannelCardAction(RoleVerbs.Set, Change(team, team.Teams.UserId, Role.Leader, "revoke"), leader));
        var unknownRole = await team.SendAsync(team.Teams.ChannelCardAction(RoleVerbs.Set, Change(team, "29:" + kari, "king", "grant"), kari));

        Assert.Contains("Den personen er ikke med i teamet.", outsider);
        Assert.Contains("Teamet må ha minst én leder eller administrator.", lastLeader);
        Assert.Contains("Lagret.", stepsDown);
        Assert.Contains("Velg person, rolle og endring", unknownRole);
        Assert.Empty(await team.Bot.Get<RoleRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId, leader));
        Assert.Equal(["admin"], await team.Bot.Get<RoleRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId, kari));
    }

    [Fact]
    public async Task A_role_holder_who_left_without_the_bot_hearing_is_marked_on_the_roles_card_and_a_leader_revokes_the_role()
    {
        var (team, kari) = await TeamWithRosterAsync(fixture);
        await using var _ = team;
        var roles = team.Bot.Get<RoleRepository>();
        var vera = Guid.NewGuid().ToString();
        foreach (var i in Enumerable.Range(0, RolesCard.MaxMembers + 20)) team.Connector.AddMember(team.Teams.TeamId, $"29:!colleague-{i:D3}", Guid.NewGuid().ToString());
        team.Connector.AddMember(team.Teams.TeamId, "29:~" + vera, vera, "Vera Vern"); // past the first 100 of the roster, still in the team
        await roles.GrantAsync(team.Teams.TenantId, team.Teams.TeamId, vera, Role.Verneombud, teamsUserId: "29:~" + vera);
        await roles.GrantAsync(team.Teams.TenantId, team.Teams.TeamId, kari, Role.Coach, teamsUserId: "29:" + kari);
        team.Connector.RemoveMember(team.Teams.TeamId, "29:" + kari);

        await team.Bot.PostAsync(team.Teams.ChannelMessage("roller"));
        var card = team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].CardText;
        var reply = await team.SendAsync(team.Teams.ChannelCardAction(RoleVerbs.Set, Change(team, "29:" + kari, Role.Coach, "revoke"), team.Teams.UserAadObjectId));

        Assert.Contains("Har gått ut av teamet\nVeileder", card);
        Assert.Contains("Vera Vern\nVerneombud", card);
        Assert.Contains("Liv Hansen\nLeder", card);
        Assert.Contains("Lagret.", reply);
        Assert.DoesNotContain("Har gått ut av teamet", reply);
        Assert.Empty(await roles.GetAsync(team.Teams.TenantId, team.Teams.TeamId, kari));
        Assert.Equal([Role.Verneombud], await roles.GetAsync(team.Teams.TenantId, team.Teams.TeamId, vera));
    }
}
