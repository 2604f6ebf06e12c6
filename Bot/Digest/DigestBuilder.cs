using System.Globalization;
using CareCompanion.Bot.Goals;
using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Pulse;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Digest;

/// <summary>What one team contributes to its leaders' digests: its ideas, its last pulse result worth showing, its goals at risk or overdue.</summary>
public sealed record TeamDigest(string TeamId, string TeamName, IReadOnlyList<Idea> Ideas, DigestPulse? Pulse, IReadOnlyList<GoalView> GoalsNeedingAttention);

/// <summary>
/// Builds digests: for leaders (who may answer ideas in it) and the partner roles tillitsvalgt and verneombud (who see
/// the same, without answering). Each team is read once per run, however many of its people get a digest.
/// </summary>
public sealed class DigestBuilder(IdeaRepository ideas, PulseRepository pulse, TeamRepository teams, GoalRepository goals, RoleRepository roles,
    ConversationRepository conversations)
{
    public const int WaitingDays = 14;

    /// <summary>The roles that get a digest.</summary>
    public static readonly IReadOnlyList<string> Readers = [Role.Leader, Role.Admin, Role.Tillitsvalgt, Role.Verneombud];

    /// <summary>The person's digest over every team where they hold a reader role; null when they hold none.</summary>
    public async Task<DigestView?> ForPersonAsync(string tenantId, string person, DateTimeOffset since, DateTimeOffset now, CancellationToken ct)
    {
        var held = (await roles.ListForPersonAsync(tenantId, person, ct)).Where(r => r.Holder.Roles.Overlaps(Readers)).ToList();
        if (held.Count == 0) return null;
        var names = await TeamNamesAsync(tenantId, ct);
        var teams = await Task.WhenAll(held.Select(r => LoadAsync(tenantId, KeyEncoding.TeamOf(r.PartitionKey), names, now, ct)));
        return Compose(teams.Select((team, i) => (team, held[i].Holder.Roles.Overlaps(Role.Leaders))), since, now);
    }

    public async Task<IReadOnlyDictionary<string, string>> TeamNamesAsync(string tenantId, CancellationToken ct) =>
        (await conversations.ListForTenantAsync(tenantId, ct))
            .Where(c => c.TeamId is not null && c.TeamName is not null)
            .DistinctBy(c => c.TeamId)
            .ToDictionary(c => c.TeamId!, c => c.TeamName!);

    public async Task<TeamDigest> LoadAsync(string tenantId, string teamId, IReadOnlyDictionary<string, string> names, DateTimeOffset now, CancellationToken ct) =>
        await LoadAsync(tenantId, teamId, await pulse.GetSettingsAsync(tenantId, teamId, ct), (await teams.GetAsync(tenantId, teamId, ct))?.TimeZone,
            names, now, ct);

    /// <summary>The team's part, for a caller that has read the team's pulse settings already.</summary>
    public async Task<TeamDigest> LoadAsync(string tenantId, string teamId, PulseSettings? settings, string? timeZone, IReadOnlyDictionary<string, string> names,
        DateTimeOffset now, CancellationToken ct)
    {
        var teamIdeas = await ideas.ListTeamAsync(tenantId, teamId, ct);
        var name = names.GetValueOrDefault(teamId) ?? teamIdeas.Select(i => i.TeamName).FirstOrDefault(n => n is not null) ?? teamId;
        var today = TeamCalendar.DateAt(now, timeZone ?? Team.DefaultTimeZone);
        var attention = NeedingAttention(await goals.ListTeamAsync(tenantId, teamId, ct), today, name);
        return new TeamDigest(teamId, name, teamIdeas, settings is null ? null : await LastPulseAsync(settings, name, ct), attention);
    }

    /// <summary>The open goals at risk (their last check-in said so) or past their deadline, most overdue first.</summary>
    public static IReadOnlyList<GoalView> NeedingAttention(IEnumerable<Goal> goals, DateOnly today, string teamName) =>
    [
        .. goals.Where(g => !g.Closed)
            .Select(g => GoalViews.Of(g, today, teamName))
            .Where(g => g.DaysLeft < 0 || g.Latest?.Status == GoalStatus.AtRisk)
            .OrderBy(g => g.DaysLeft),
    ];

    /// <summary>
    /// Ideas to act on: open ones that are new since <paramref name="since"/> or have waited for an answer at least
    /// <see cref="WaitingDays"/> days; unanswered first, oldest first. Answer forms only for teams the person leads.
    /// </summary>
    public static DigestView Compose(IEnumerable<(TeamDigest Team, bool Leads)> teams, DateTimeOffset since, DateTimeOffset now)
    {
        var list = teams.ToList();
        var items = list
            .SelectMany(t => t.Team.Ideas.Select(idea => (Idea: idea with { TeamName = t.Team.TeamName }, t.Leads)))
            .Where(x => !IdeaStatus.IsClosed(x.Idea.Status))
            .Select(x => (x.Idea, x.Leads, Age: (int)(now - x.Idea.CreatedAt).TotalDays))
            .Where(x => x.Idea.CreatedAt > since || (x.Idea.LastDecision is null && x.Age >= WaitingDays))
            .OrderBy(x => x.Idea.LastDecision is null ? 0 : 1)
            .ThenBy(x => x.Idea.CreatedAt)
            .Select(x => new DigestIdea(IdeaViews.Of(x.Idea, withLeaderAnswer: x.Leads), x.Age, x.Idea.LastDecision is null && x.Age >= WaitingDays))
            .ToList();
        return new DigestView(since, items, [.. list.Select(t => t.Team.Pulse).OfType<DigestPulse>()])
        {
            Goals = [.. list.SelectMany(t => t.Team.GoalsNeedingAttention.Select(g => new DigestGoal(g, t.Leads)))],
            ForLeader = list.Any(t => t.Leads) ? ForLeaders(now) : null,
        };
    }

    /// <summary>
    /// This week's question for leaders about their own support, taking turns by ISO week. For reflection only: a unit's
    /// one leader could not answer anonymously, so nothing is asked for or collected.
    /// </summary>
    private static Question? ForLeaders(DateTimeOffset now) =>
        QuestionLibrary.ForLeaders is { Count: > 0 } questions ? questions[ISOWeek.GetWeekOfYear(now.UtcDateTime) % questions.Count] : null;

    /// <summary>The team's last closed round, only if at least its minimum answered (anonymity).</summary>
    private async Task<DigestPulse?> LastPulseAsync(PulseSettings settings, string teamName, CancellationToken ct)
    {
        var round = (await pulse.ListClosedRoundsAsync(settings.TenantId, settings.TeamId, 1, ct)).LastOrDefault();
        if (round is null || !PulseResults.AboveThreshold(round)) return null;
        if (PulseQuestions.Find(settings, round.QuestionId) is not { } question) return null;
        var result = PulseResults.Of(round);
        return new DigestPulse(teamName, question, question.HasScale ? result.Mean : null, result.Answers);
    }
}
