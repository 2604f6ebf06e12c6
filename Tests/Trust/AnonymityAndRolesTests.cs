using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CareCompanion.Bot.Pulse;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Privacy;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Trust;

/// <summary>
/// The promises a union rep checks before recommending the app, tried black-box through /api/messages: installing is not
/// leading, roles end when membership does, those who see results cannot fill the threshold, and nothing in storage
/// links an answer to a person once the round has closed. Each failed on the code before this change.
/// </summary>
public sealed class AnonymityAndRolesTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly Texts T = Texts.For(Language.Bokmal);

    [Theory]
    [InlineData("installationUpdate", "add")]
    [InlineData("installationUpdate", "add-upgrade")]
    [InlineData("conversationUpdate", "add")]
    public async Task Only_the_first_install_into_a_team_makes_a_leader_a_staff_members_re_add_or_upgrade_grants_nothing(string type, string action)
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var staff = Guid.NewGuid().ToString();
        await team.Bot.PostAsync(team.Teams.UninstallFromTeam());

        var again = team.Teams.InstallInTeam(type: type);
        if (type == "installationUpdate") again["action"] = action;
        again["from"] = new JsonObject { ["id"] = "29:" + staff, ["name"] = "Ola", ["aadObjectId"] = staff };
        await team.Bot.PostAsync(again);
        await team.Bot.PostAsync(team.Teams.ChannelMessage("innstillinger", fromAadObjectId: staff));

        var roles = team.Bot.Get<RoleRepository>();
        Assert.Contains(Role.Leader, await roles.GetAsync(team.Teams.TenantId, team.Teams.TeamId, team.Teams.UserAadObjectId));
        Assert.Empty(await roles.GetAsync(team.Teams.TenantId, team.Teams.TeamId, staff));
        Assert.Equal(T["settings.leadersOnly"], team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].Text);
    }

    [Fact]
    public async Task A_coach_who_leaves_the_team_loses_the_role_at_once_and_gets_no_more_comments()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var coach = Guid.NewGuid().ToString();
        await team.Bot.Get<RoleRepository>().GrantAsync(team.Teams.TenantId, team.Teams.TeamId, coach, Role.Coach, teamsUserId: "29:" + coach);
        var round = await team.OpenRoundAsync(MondayTenOslo);
        foreach (var person in People(PulseSettings.DefaultMinComments)) await team.AnswerAsync(round, person, 3, "Travel uke");

        await team.Bot.PostAsync(team.Teams.MembersRemoved(("29:" + coach, coach)));
        await team.RunAtAsync(round.ClosesAt);

        Assert.Empty(await team.Bot.Get<RoleRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId, coach));
        Assert.False(team.Connector.CreatedChats.ContainsKey("29:" + coach), "the coach who left got the comments");
    }

    [Fact]
    public async Task A_leader_and_a_coach_answering_cannot_fill_the_threshold_and_read_the_one_colleagues_answer()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var coach = await team.NewLeaderAsync(Role.Coach);
        await team.SendAsync(team.Teams.ChannelCardAction(PulseVerbs.SaveSettings, new JsonObject
        {
            ["team"] = team.Teams.TeamId, ["day"] = "Monday", ["time"] = "10:00", ["openDays"] = "5", ["minAnswers"] = "3", ["minComments"] = "5", ["themes"] = "",
        }, team.Teams.UserAadObjectId));
        var round = await team.OpenRoundAsync(MondayTenOslo);
        var ola = Guid.NewGuid().ToString();

        await team.AnswerAsync(round, team.Teams.UserAadObjectId, 5, "Alt er fint");
        await team.AnswerAsync(round, coach, 5);
        await team.AnswerAsync(round, ola, 1, "Jeg orker ikke turnusen mer");
        await team.RunAtAsync(round.ClosesAt);

        var channel = team.ChannelCards().Last().CardText;
        Assert.Contains(T.Format("pulse.result.tooFew", 1, 3), channel);
        var summary = Assert.Single(team.Connector.SentTo(team.Connector.CreatedChats[team.Teams.UserId])).CardText;
        Assert.DoesNotContain("orker ikke", summary);
        Assert.DoesNotContain("Alt er fint", summary);
        Assert.Equal(1, (await team.Pulse.GetRoundAsync(round.TenantId, round.TeamId, round.RoundId))!.Answers);
    }

    [Fact]
    public async Task An_answer_is_keyed_with_a_secret_storage_does_not_hold_and_after_the_close_nothing_links_it_to_the_person()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var round = await team.OpenRoundAsync(MondayTenOslo);
        var ola = Guid.NewGuid().ToString();
        var others = People(5);
        await team.AnswerAsync(round, ola, 2, "hemmelig");
        foreach (var person in others) await team.AnswerAsync(round, person, 4);
        var keys = team.Bot.Get<AnswerKeys>();
        var answers = team.Bot.Get<Tables>().Get(TableNames.PulseAnswers);

        // While open: Ola's answer is under the key only the app can compute, and the round holds no salt to compute it with.
        var open = answers.Query<TableEntity>().ToList();
        Assert.Contains(open, row => row.RowKey == keys.For(round, ola) && row.GetString("Comment") == "hemmelig");
        Assert.Null((await team.Pulse.GetRoundAsync(round.TenantId, round.TeamId, round.RoundId))!.Salt);

        await team.RunAtAsync(round.ClosesAt);

        var closed = answers.Query<TableEntity>().ToList();
        Assert.Equal(6, closed.Count);
        string[] everyone = [ola, .. others];
        Assert.DoesNotContain(closed, row => everyone.Any(person => row.RowKey == keys.For(round, person)));
        Assert.True((await team.Pulse.GetRoundAsync(round.TenantId, round.TeamId, round.RoundId))!.Unlinked);
        // "Turn my reflection into an idea" no longer finds it either.
        var dialog = await team.Bot.PostAsync(team.Teams.PersonalInvoke("task/fetch", new JsonObject
        {
            ["data"] = new JsonObject { ["verb"] = IdeaVerbs.Open, ["round"] = round.RoundId, ["team"] = round.TeamId },
        }, ola));
        Assert.DoesNotContain("hemmelig", await dialog.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reflection_turned_into_an_idea_while_the_round_is_open_starts_anonymous()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var round = await team.OpenRoundAsync(MondayTenOslo);
        var ola = Guid.NewGuid().ToString();
        team.Connector.AddMember(team.Teams.TeamId, "29:" + ola, ola);
        await team.AnswerAsync(round, ola, 2, "Vi trenger fast tid til overlapp");

        var response = await team.Bot.PostAsync(team.Teams.PersonalInvoke("task/fetch", new JsonObject
        {
            ["data"] = new JsonObject { ["verb"] = IdeaVerbs.Open, ["round"] = round.RoundId, ["team"] = round.TeamId },
        }, ola));
        var form = (await response.Content.ReadFromJsonAsync<JsonObject>())!["task"]!["value"]!["card"]!["content"]!["body"]!.AsArray();

        Assert.Equal("Vi trenger fast tid til overlapp", form.First(b => b?["id"]?.GetValue<string>() == "description")!["value"]!.GetValue<string>());
        Assert.Equal("true", form.First(b => b?["id"]?.GetValue<string>() == "anonymous")!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("mine data", "privacy.title")]
    [InlineData("slett mine data", "privacy.confirmTitle")]
    [InlineData("mine idéer", "idea.list.mine")]
    public async Task What_is_mine_asked_for_in_a_channel_is_answered_in_my_personal_chat_and_never_shown_in_the_channel(string command, string titleKey)
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var before = team.Connector.SentTo(team.Teams.GeneralChannelId).Count;

        await team.Bot.PostAsync(team.Teams.ChannelMessage(command));

        var inChannel = team.Connector.SentTo(team.Teams.GeneralChannelId).Skip(before).ToList();
        Assert.Equal(T["reply.sentPrivately"], Assert.Single(inChannel).Text);
        var chat = team.Connector.CreatedChats[team.Teams.UserId];
        Assert.Contains(T[titleKey], Assert.Single(team.Connector.SentTo(chat)).CardText);
    }

    [Fact]
    public async Task After_delete_my_data_no_delivery_row_ties_an_anonymous_idea_to_the_submitters_chat()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var ola = Guid.NewGuid().ToString();
        var idea = await team.SubmitIdeaAsync(ola, team.Form(anonymous: true));
        await team.DecideAsync(idea, team.Teams.UserAadObjectId, "considering", "Vi ser på det.");
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(5));
        var chat = KeyEncoding.Encode(team.Connector.CreatedChats["29:" + ola]);
        var deliveries = team.Bot.Get<Tables>().Get(TableNames.Deliveries);
        Assert.Contains(deliveries.Query<TableEntity>().ToList(), row => row.RowKey == chat); // the decision notice went to Ola

        await team.SendAsync(team.Teams.PersonalCardAction(PrivacyVerbs.Delete, new JsonObject { ["for"] = ola }, ola));

        Assert.DoesNotContain(deliveries.Query<TableEntity>().ToList(), row => row.RowKey == chat);
    }

    private static string[] People(int count) => [.. Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString())];
}
