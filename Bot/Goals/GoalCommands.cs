using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Goals;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Goals;

/// <summary>
/// "nytt mål" / "new goal" in a team channel (coaches and leaders) shows the goal form; "mål" / "goals" lists the
/// team's goals in its channel, or, in a personal chat, the goals the person set across teams, at risk and overdue first.
/// </summary>
public sealed class GoalCommands(GoalRepository goals, IdeaRepository ideas, TeamRepository teams, TimeProvider clock)
{
    public async Task<Reply> ShowFormAsync(Turn turn, CancellationToken ct)
    {
        var caller = turn.Caller!;
        var today = await TodayAsync(caller.TenantId, caller.TeamId, ct);
        // A deadline four weeks out to start from: concrete, near, and one tap to change.
        var draft = new GoalDraft(Start: today, Deadline: today.AddDays(28));
        return Reply.Card(GoalFormCard.Build(turn.Language, caller.TeamId, draft, await IdeaChoicesAsync(caller.TenantId, caller.TeamId, ct)));
    }

    public async Task<Reply> ListAsync(Turn turn, CancellationToken ct)
    {
        var (tenantId, teamId) = (turn.TenantId!, turn.ChannelTeamId);
        var today = await TodayAsync(tenantId, teamId, ct);
        var list = teamId is null ? await goals.ListByCreatorAsync(tenantId, turn.PersonId!, ct) : await goals.ListTeamAsync(tenantId, teamId, ct);
        var views = list.Select(g => GoalViews.Of(g, today))
            .OrderBy(v => v.Closed)
            .ThenBy(v => v.DaysLeft < 0 || v.Latest?.Status == GoalStatus.AtRisk ? 0 : 1)
            .ThenBy(v => v.Deadline)
            .ToList();
        var heading = turn.T[teamId is null ? "goal.list.mine" : "goal.list.team"];
        return Reply.Card(GoalCards.List(heading, views, turn.Language, turn.T["goal.list.empty"]));
    }

    /// <summary>Today where the team is (its time zone in the pulse settings); across teams, in Norway.</summary>
    private async Task<DateOnly> TodayAsync(string tenantId, string? teamId, CancellationToken ct) =>
        TeamCalendar.Today(clock, teamId is null ? null : await teams.GetAsync(tenantId, teamId, ct));

    /// <summary>The team's ideas a goal can come from: those being tried or implemented.</summary>
    public async Task<IReadOnlyList<(string Id, string Title)>> IdeaChoicesAsync(string tenantId, string teamId, CancellationToken ct) =>
        [.. (await ideas.ListTeamAsync(tenantId, teamId, ct))
            .Where(i => i.Status is IdeaStatus.Trying or IdeaStatus.Implemented or IdeaStatus.Considering)
            .OrderByDescending(i => i.StatusChangedAt).Take(10).Select(i => (i.IdeaId, i.Title))];
}
