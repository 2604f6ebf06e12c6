using System.Text.Json.Nodes;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Roles;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Hms;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Handover;

/// <summary>
/// A team with a history by Friday 4 December 2026, led by the installer ("Kari Nordmann"): two open ideas (one
/// anonymous) and a closed one, a goal at risk and one on track, an HMS group with a verneombud and a circle in
/// "Utforske", a closed round above its threshold (W48) and one below it (W47). Liv Hansen is in the team, not a leader yet.
/// </summary>
public sealed class HandoverTeam
{
    public static readonly DateTimeOffset Installed = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Friday = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private HandoverTeam(PulseTeam team) => Team = team;

    public PulseTeam Team { get; }
    public string OldLeader => Team.Teams.UserAadObjectId;
    public string Liv { get; } = Guid.NewGuid().ToString();
    public Idea Named { get; private set; } = null!;
    public Idea Anonymous { get; private set; } = null!;
    public string AboveThreshold { get; private set; } = "";
    public string BelowThreshold { get; private set; } = "";

    public static async Task<HandoverTeam> StartAsync(AzuriteServer azurite)
    {
        var team = await PulseTeam.InstallAsync(azurite, Installed);
        var h = new HandoverTeam(team);
        team.Connector.AddMember(team.Teams.TeamId, team.Teams.UserId, h.OldLeader, "Kari Nordmann");
        team.Connector.AddMember(team.Teams.TeamId, "29:" + h.Liv, h.Liv, "Liv Hansen");
        var settings = (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;
        await team.Pulse.SaveSettingsAsync(settings with { OpenDays = 3 });

        h.Named = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Sjekkliste ved innkomst"));
        var closed = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Avslått idé"));
        await team.DecideAsync(closed, h.OldLeader, IdeaStatus.NotPursued, "Ikke mulig nå");
        await h.GoalAsync("Alle nyansatte får fadder", "atrisk");
        await h.GoalAsync("Faste makkerpar på helg", "ontrack");
        await team.CreateGroupAsync();
        await team.NameAndConfirmAsync("Per Verneombud", Role.Verneombud, Installed.AddMinutes(1));
        await team.SendAsync(team.Teams.ChannelCardAction(HmsVerbs.StartCircle,
            new JsonObject { ["team"] = team.Teams.TeamId, ["circleTeam"] = team.Teams.TeamId, ["topic"] = "Overlapp mellom vaktene" }, h.OldLeader));

        h.BelowThreshold = await h.RoundAsync(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero), "Hvor godt fungerte overlappen i uka som gikk?", answers: 2);
        h.AboveThreshold = await h.RoundAsync(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), "Hvordan var uka på jobb?", answers: 5);
        team.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        h.Anonymous = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Fast tid til overlapp", anonymous: true));
        await team.RunAtAsync(Friday);
        return h;
    }

    /// <summary>A goal made in the channel, with one check-in of <paramref name="status"/>.</summary>
    private async Task GoalAsync(string title, string status)
    {
        var goals = Team.Bot.Get<GoalRepository>();
        var before = (await goals.ListTeamAsync(Team.Teams.TenantId, Team.Teams.TeamId)).Select(g => g.GoalId).ToHashSet();
        await Team.SendAsync(Team.Teams.ChannelCardAction(GoalVerbs.Create,
            new JsonObject { ["team"] = Team.Teams.TeamId, ["title"] = title, ["deadline"] = "2027-01-04", ["cadence"] = "weekly" }, OldLeader));
        var goal = (await goals.ListTeamAsync(Team.Teams.TenantId, Team.Teams.TeamId)).Single(g => !before.Contains(g.GoalId));
        await Team.SendAsync(Team.Teams.ChannelCardAction(GoalVerbs.CheckIn,
            new JsonObject { ["team"] = Team.Teams.TeamId, ["goal"] = goal.GoalId, ["status"] = status, ["note"] = "Slik går det." }, Guid.NewGuid().ToString()));
    }

    /// <summary>The team's own question is asked on Monday morning, <paramref name="answers"/> colleagues answer; returns the question.</summary>
    private async Task<string> RoundAsync(DateTimeOffset monday, string question, int answers)
    {
        var settings = (await Team.Pulse.GetSettingsAsync(Team.Teams.TenantId, Team.Teams.TeamId))!;
        var id = "team-" + monday.DayOfYear;
        await Team.Pulse.SaveSettingsAsync(settings with { TeamQuestions = [.. settings.TeamQuestions, new TeamQuestion(id, "wellbeing", "scale", question, "Tung", "Veldig god")] });
        var round = await Team.OpenRoundAsync(monday);
        Assert.Equal(id, round.QuestionId);
        foreach (var _ in Enumerable.Range(0, answers)) await Team.AnswerAsync(round, Guid.NewGuid().ToString(), 4);
        return question;
    }

    /// <summary>A leader taps "Lagre" on the roles card in the channel; the activity is returned so a test can deliver it again.</summary>
    public JsonObject RoleChange(string by, string userId, string change) => Team.Teams.ChannelCardAction(RoleVerbs.Set,
        new JsonObject { ["team"] = Team.Teams.TeamId, ["person"] = userId, ["role"] = Role.Leader, ["change"] = change }, by);

    public string OldLeaderUserId => Team.Teams.UserId;
    public string LivUserId => "29:" + Liv;

    /// <summary>Handover cards in a person's personal chat: the one the bot opened for them, and for the installer also their own.</summary>
    public IReadOnlyList<SentActivity> HandoverCardsTo(string person)
    {
        var chats = new List<string>();
        if (person == OldLeader) chats.Add(Team.Teams.PersonalConversationId);
        if (Team.Connector.CreatedChats.TryGetValue(person == OldLeader ? Team.Teams.UserId : "29:" + person, out var chat)) chats.Add(chat);
        return [.. Team.Connector.Sent.Where(s => s.CardText.StartsWith("Overlevering") && chats.Contains(s.ConversationId))];
    }
}
