using System.Text.Json.Nodes;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Privacy;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Faults;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Goals;

/// <summary>A coaching goal from creation to closing: check-ins, nudges (once each, across a restart), overdue, escalation.</summary>
public sealed class GoalTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>10:00 in Oslo (winter: UTC+1) on a December day.</summary>
    private static DateTimeOffset TenOslo(int day) => new(2026, 12, day, 9, 0, 0, TimeSpan.Zero);

    private static JsonObject Form(PulseTeam team, string deadline = "2026-12-22", string title = "Alle nyansatte får fadder første uke") => new()
    {
        ["team"] = team.Teams.TeamId, ["title"] = title, ["success"] = "Den nye sier i evalueringen at det hjalp.",
        ["owners"] = "Kari og nattevakta", ["start"] = "2026-12-01", ["deadline"] = deadline, ["cadence"] = "weekly",
    };

    private static JsonObject Ref(Goal goal, JsonObject? extra = null)
    {
        var data = new JsonObject { ["goal"] = goal.GoalId, ["team"] = goal.TeamId };
        foreach (var (key, value) in extra ?? []) data[key] = value?.DeepClone();
        return data;
    }

    private static Task<string> ActAsync(PulseTeam team, string verb, Goal goal, string person, JsonObject extra) =>
        team.SendAsync(team.Teams.ChannelCardAction(verb, Ref(goal, extra), person));

    private static async Task<Goal> OnlyGoalAsync(PulseTeam team) =>
        Assert.Single(await team.Bot.Get<GoalRepository>().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));

    private static int ChannelCardsSaying(PulseTeam team, string text) =>
        team.Connector.SentTo(team.Teams.GeneralChannelId).Count(s => s.CardText.Contains(text));

    [Fact]
    public async Task The_eleventh_check_in_in_ten_minutes_waits_on_the_card_and_a_colleague_still_checks_in()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, Form(team), await team.NewLeaderAsync(Role.Coach)));
        var goal = await OnlyGoalAsync(team);
        var nurse = Guid.NewGuid().ToString();
        for (var i = 1; i <= 10; i++) await ActAsync(team, GoalVerbs.CheckIn, goal, nurse, new() { ["status"] = "ontrack", ["note"] = $"Innsjekk {i}" });

        var eleventh = await FaultAnswer.OfInvokeAsync(team.Bot, team.Teams.ChannelCardAction(GoalVerbs.CheckIn,
            Ref(goal, new JsonObject { ["status"] = "ontrack", ["note"] = "Innsjekk 11" }), nurse));
        var colleague = await ActAsync(team, GoalVerbs.CheckIn, goal, Guid.NewGuid().ToString(), new() { ["status"] = "atrisk", ["note"] = "Kollega" });

        Assert.Equal(("error", "Du har sendt mye på kort tid. Du kan sende igjen om 10 minutter."), (eleventh.Shape, eleventh.Text));
        Assert.Contains("Takk! Innsjekken er lagret.", colleague);
        var notes = (await OnlyGoalAsync(team)).CheckIns.Select(c => c.Note).ToList();
        Assert.Equal(11, notes.Count);
        Assert.DoesNotContain("Innsjekk 11", notes);
    }

    [Fact]
    public async Task A_goal_walks_from_creation_through_check_ins_nudges_overdue_and_escalation_to_closing()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        var coach = await team.NewLeaderAsync(Role.Coach);
        var nurse = Guid.NewGuid().ToString();

        var created = await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, Form(team), coach));
        await team.RunAtAsync(Tuesday.AddMinutes(1));
        var goal = await OnlyGoalAsync(team);
        Assert.Contains("Målet er laget", created);
        Assert.Equal((new DateOnly(2026, 12, 22), "weekly", coach), (goal.Deadline, goal.Cadence, goal.CreatedByAadObjectId));
        Assert.Contains("Alle nyansatte får fadder første uke", created); // the form in the channel is now the goal card

        await team.RunAtAsync(TenOslo(8));
        var first = await ActAsync(team, GoalVerbs.CheckIn, goal, nurse, new() { ["status"] = "ontrack", ["note"] = "To faddere klare." });
        Assert.Equal(1, ChannelCardsSaying(team, "Tid for å sjekke inn"));
        Assert.Contains("Takk! Innsjekken er lagret.", first);
        Assert.Contains("Siste innsjekk (av 1)", first);

        await team.RunAtAsync(TenOslo(15));
        await team.RestartAsync(); // between the nudges: nothing is sent twice after it
        await team.RunAtAsync(TenOslo(15).AddMinutes(5));
        var second = await ActAsync(team, GoalVerbs.CheckIn, goal, nurse, new() { ["status"] = "atrisk", ["note"] = "Mangler helg.", ["blocker"] = "time" });
        Assert.Contains("I fare · i veien: For lite tid", second);
        Assert.Contains("Siste innsjekk (av 2)", second);

        await team.RunAtAsync(TenOslo(21));
        await team.RunAtAsync(TenOslo(22));
        await team.RestartAsync();
        await team.RunAtAsync(TenOslo(22).AddHours(3));
        Assert.Equal(1, ChannelCardsSaying(team, "En uke til fristen"));
        Assert.Equal(1, ChannelCardsSaying(team, "I morgen er fristen"));
        Assert.Equal(1, ChannelCardsSaying(team, "I dag er fristen"));
        Assert.Equal(2, ChannelCardsSaying(team, "Tid for å sjekke inn")); // Dec 8 and 15; none on the deadline's week

        await team.RunAtAsync(TenOslo(23));
        await team.RunAtAsync(TenOslo(23).AddHours(5)); // the same day again: no second reminder
        var coachChat = team.Connector.CreatedChats["29:" + coach];
        var leaderChat = team.Connector.CreatedChats[team.Teams.UserId];
        Assert.Single(team.Connector.SentTo(coachChat), s => s.CardText.Contains("Fristen for dette målet gikk ut for 1 dag siden.") && s.CardText.Contains("· 1 dag for sent"));
        Assert.Single(team.Connector.SentTo(leaderChat), s => s.CardText.Contains("Fristen for dette målet gikk ut for 1 dag siden."));
        Assert.Equal(0, ChannelCardsSaying(team, "gikk ut for"));

        await team.RunAtAsync(TenOslo(24));
        var closed = await ActAsync(team, GoalVerbs.Close, goal, coach, new() { ["reason"] = "Fadderordningen er i drift." });
        await team.RunAtAsync(TenOslo(25));
        await team.RunAtAsync(TenOslo(26));

        Assert.Contains("Målet er avsluttet.", closed);
        Assert.Equal(2, team.Connector.SentTo(coachChat).Count(s => s.CardText.Contains("Fristen for dette målet gikk ut for")));
        var stored = await OnlyGoalAsync(team);
        Assert.True(stored.Closed);
        Assert.Equal(("close", "Fadderordningen er i drift.", coach), (stored.Changes[0].Kind, stored.Changes[0].Reason, stored.Changes[0].ByAadObjectId));
    }

    [Fact]
    public async Task Staff_cannot_create_close_or_re_date_a_goal_even_with_forged_payloads()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        var staff = Guid.NewGuid().ToString();
        await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, Form(team), team.Teams.UserAadObjectId));
        var goal = await OnlyGoalAsync(team);

        var create = await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, Form(team, title: "Mitt eget mål"), staff));
        var close = await ActAsync(team, GoalVerbs.Close, goal, staff, new() { ["reason"] = "Ferdig" });
        var redate = await ActAsync(team, GoalVerbs.Redate, goal, staff, new() { ["reason"] = "Senere", ["newDeadline"] = "2027-03-01" });
        await team.Bot.PostAsync(team.Teams.ChannelMessage("nytt mål", fromAadObjectId: staff));

        Assert.All(new[] { create, close, redate }, reply => Assert.Contains("Bare veiledere og ledere i teamet kan lage og avslutte mål og flytte frister.", reply));
        Assert.Contains("Bare veiledere og ledere", team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].Text);
        var stored = await OnlyGoalAsync(team);
        Assert.Equal((false, new DateOnly(2026, 12, 22)), (stored.Closed, stored.Deadline));
    }

    [Theory]
    [InlineData("", "2026-12-22", "Skriv målet kort")]
    [InlineData("Mål", "2026-11-20", "Velg en frist etter startdatoen")]
    [InlineData("Mål", "ikke en dato", "Velg en frist etter startdatoen")]
    public async Task A_goal_without_a_title_or_a_sensible_deadline_is_explained_and_not_stored(string title, string deadline, string expected)
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);

        var reply = await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, Form(team, deadline, title), team.Teams.UserAadObjectId));

        Assert.Contains(expected, reply);
        Assert.Empty(await team.Bot.Get<GoalRepository>().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
    }

    [Fact]
    public async Task A_re_dated_goal_is_nudged_for_the_new_deadline_only()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, Form(team, "2026-12-10"), team.Teams.UserAadObjectId));
        var goal = await OnlyGoalAsync(team);

        var redated = await ActAsync(team, GoalVerbs.Redate, goal, team.Teams.UserAadObjectId, new() { ["reason"] = "Jula kom i veien", ["newDeadline"] = "2027-01-15" });
        await team.RunAtAsync(TenOslo(11)); // the old deadline's day after: no overdue, no nudges
        await team.RunAtAsync(new DateTimeOffset(2027, 1, 8, 9, 0, 0, TimeSpan.Zero));

        Assert.Contains("Fristen er flyttet.", redated);
        Assert.Contains("Frist 15.01.2027", redated);
        Assert.Equal(0, ChannelCardsSaying(team, "I morgen er fristen"));
        Assert.DoesNotContain(team.Connector.Sent, s => s.CardText.Contains("gikk ut for"));
        Assert.Equal(1, ChannelCardsSaying(team, "En uke til fristen"));
    }

    [Fact]
    public async Task Just_after_midnight_in_Norway_the_goal_form_starts_on_the_new_day()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        team.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero)); // 00:30 on 2 December in Oslo

        await team.Bot.PostAsync(team.Teams.ChannelMessage("nytt mål"));

        var form = team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].Card!.ToJsonString();
        Assert.Contains("\"value\":\"2026-12-02\"", form);
        Assert.Contains("\"value\":\"2026-12-30\"", form);
    }

    [Fact]
    public async Task Goals_lists_the_teams_goals_at_risk_and_overdue_first()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, Form(team, "2027-02-01", "Langt unna"), team.Teams.UserAadObjectId));
        await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, Form(team, "2026-12-03", "Snart over fristen"), team.Teams.UserAadObjectId));
        team.Clock.SetUtcNow(TenOslo(5));

        await team.Bot.PostAsync(team.Teams.ChannelMessage("mål"));

        var list = team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].CardText;
        Assert.True(list.IndexOf("Snart over fristen") < list.IndexOf("Langt unna"), list);
        Assert.Contains("2 dager for sent", list);
    }

    [Fact]
    public async Task A_goal_can_come_from_one_of_the_teams_ideas_and_says_so_but_not_from_an_unknown_one()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        var idea = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Fadderordning"));
        await team.DecideAsync(idea, team.Teams.UserAadObjectId, Storage.Ideas.IdeaStatus.Trying, "Vi prøver");
        var linked = Form(team);
        linked["idea"] = idea.IdeaId;
        var unknown = Form(team, title: "Annet mål");
        unknown["idea"] = "someone-elses-idea";

        var refused = await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, unknown, team.Teams.UserAadObjectId));
        var created = await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, linked, team.Teams.UserAadObjectId));

        Assert.Contains("Sjekk feltene", refused);
        Assert.Contains("Kommer fra ideen «Fadderordning».", created);
        Assert.Equal(idea.IdeaId, (await OnlyGoalAsync(team)).IdeaId);
    }

    [Fact]
    public async Task My_check_ins_are_in_my_data_and_delete_removes_my_name_but_keeps_what_the_team_said()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Tuesday);
        await team.Bot.PostAsync(team.Teams.InstallPersonal());
        var me = team.Teams.UserAadObjectId;
        var colleague = Guid.NewGuid().ToString();
        await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, Form(team), me));
        var goal = await OnlyGoalAsync(team);
        await ActAsync(team, GoalVerbs.CheckIn, goal, me, new() { ["status"] = "atrisk", ["note"] = "Min innsjekk" });
        await ActAsync(team, GoalVerbs.CheckIn, goal, colleague, new() { ["status"] = "ontrack", ["note"] = "Kollegas innsjekk" });

        await team.Bot.PostAsync(team.Teams.PersonalMessage("mine data"));
        var export = team.Connector.SentTo(team.Teams.PersonalConversationId)[^1].CardText;
        await team.SendAsync(team.Teams.PersonalCardAction(PrivacyVerbs.Delete, new JsonObject { ["for"] = me }, me));

        Assert.Contains("Min innsjekk", export);
        Assert.DoesNotContain("Kollegas innsjekk", export);
        var stored = await OnlyGoalAsync(team);
        Assert.Equal(("", "–", "Min innsjekk"), (stored.CheckIns[0].ByAadObjectId, stored.CheckIns[0].ByName, stored.CheckIns[0].Note));
        Assert.Equal(colleague, stored.CheckIns[1].ByAadObjectId);
        Assert.Equal("", stored.CreatedByAadObjectId);
    }
}
