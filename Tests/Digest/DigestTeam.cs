using System.Text.Json.Nodes;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Digest;

/// <summary>
/// A team with a history by Friday 4 December 2026: ideas old and new, answered and not, a closed pulse round with
/// five answers, and people in every role. The digest is due at 12:00 Oslo time (11:00 UTC).
/// </summary>
public sealed class DigestTeam
{
    public static readonly DateTimeOffset Installed = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Friday = new(2026, 12, 4, 11, 0, 0, TimeSpan.Zero);

    private DigestTeam(PulseTeam team) => Team = team;

    public PulseTeam Team { get; }
    public string Leader => Team.Teams.UserAadObjectId;
    public string Tillitsvalgt { get; private set; } = "";
    public string Coach { get; private set; } = "";
    public Idea Waiting { get; private set; } = null!;
    public Idea New { get; private set; } = null!;

    public static async Task<DigestTeam> StartAsync(AzuriteServer azurite)
    {
        var team = await PulseTeam.InstallAsync(azurite, Installed);
        var digest = new DigestTeam(team);
        var settings = (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;
        await team.Pulse.SaveSettingsAsync(settings with { OpenDays = 3 });
        digest.Tillitsvalgt = await team.NewLeaderAsync(Role.Tillitsvalgt);
        digest.Coach = await team.NewLeaderAsync(Role.Coach);

        digest.Waiting = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Gammel idé uten svar"));
        var answered = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Gammel idé med svar"));
        await team.DecideAsync(answered, digest.Leader, IdeaStatus.Considering, "Tas opp i januar");

        await team.RunAtAsync(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero)); // two weekly rounds nobody answers
        await team.RunAtAsync(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        settings = (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;
        await team.Pulse.SaveSettingsAsync(settings with
        {
            TeamQuestions = [new TeamQuestion("team-week49", "wellbeing", "scale", "Hvordan var uka på jobb?", "Tung", "Veldig god")],
        });
        await team.RunAtAsync(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)); // this week's: the team's own question
        var round = (await team.Pulse.GetRoundAsync(team.Teams.TenantId, team.Teams.TeamId, "2026-W49"))!;
        foreach (var value in new[] { 3, 4, 4, 5, 4 }) await team.AnswerAsync(round, Guid.NewGuid().ToString(), value);

        team.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        digest.New = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Ny idé om *overlapp*", category: "patientsafety"));
        await team.ActAsync(IdeaVerbs.Support, digest.New, Guid.NewGuid().ToString());
        await team.ActAsync(IdeaVerbs.Support, digest.New, Guid.NewGuid().ToString());
        var closed = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Avslått idé"));
        await team.DecideAsync(closed, digest.Leader, IdeaStatus.NotPursued, "Ikke mulig nå");
        return digest;
    }

    private int _sentBeforeFriday;

    /// <summary>Friday noon comes (the weeks before had their digests too; only Friday's count from here).</summary>
    public async Task RunFridayAsync()
    {
        await Team.RunAtAsync(Friday.AddMinutes(-1));
        _sentBeforeFriday = Team.Connector.Sent.Count;
        await Team.RunAtAsync(Friday);
    }

    /// <summary>Friday's digest cards in a person's personal chat (opened by the bot through create-conversation).</summary>
    public IReadOnlyList<SentActivity> DigestsTo(string aadObjectId)
    {
        var userId = aadObjectId == Leader ? Team.Teams.UserId : "29:" + aadObjectId;
        return Team.Connector.CreatedChats.TryGetValue(userId, out var chat) ? [.. FridayDigests().Where(s => s.ConversationId == chat)] : [];
    }

    public IEnumerable<SentActivity> FridayDigests() =>
        Team.Connector.Sent.Skip(_sentBeforeFriday).Where(s => s.CardText.StartsWith("Ukens sammendrag"));

    public JsonObject Decide(Idea idea, string status, string reason) => IdeaSteps.Ref(idea, new JsonObject
    {
        [IdeaVerbs.StatusInput(idea.IdeaId)] = status,
        [IdeaVerbs.ReasonInput(idea.IdeaId)] = reason,
        ["since"] = Friday.AddDays(-7).ToString("o"),
    });

    public Task<string> DecideFromDigestAsync(string person, Idea idea, string status, string reason) =>
        Team.SendAsync(Team.Teams.PersonalCardAction(DigestVerbs.Decide, Decide(idea, status, reason), person));
}
