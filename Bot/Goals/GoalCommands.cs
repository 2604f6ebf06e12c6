using CareCompanion.Bot.Pulse;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using Microsoft.Bot.Builder;

namespace CareCompanion.Bot.Goals;

/// <summary>
/// "nytt mål" / "new goal" in a team channel (coaches and leaders) shows the goal form; "mål" / "goals" lists the
/// team's goals in its channel, or, in a personal chat, the goals the person set across teams, at risk and overdue first.
/// </summary>
public sealed class GoalCommands(GoalRepository goals, IdeaRepository ideas, TeamRoles roles, PulseRepository pulse, TimeProvider clock)
{
    public async Task ShowFormAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        var (caller, refusal) = await roles.RequireAsync(turnContext.Activity, Role.LeadersAndCoaches, "goal.rolesOnly", ct);
        if (caller is null)
        {
            await turnContext.SendActivityAsync(refusal, cancellationToken: ct);
            return;
        }
        var today = await TodayAsync(caller.TenantId, caller.TeamId, ct);
        // A deadline four weeks out to start from: concrete, near, and one tap to change.
        var draft = new GoalDraft(Start: today, Deadline: today.AddDays(28));
        var card = GoalFormCard.Build(t.Language, caller.TeamId, draft, await IdeaChoicesAsync(caller.TenantId, caller.TeamId, ct));
        await turnContext.SendActivityAsync(CardMessage.From(card), ct);
    }

    public async Task ListAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var t = Texts.ForLocale(activity.Locale);
        if (TeamsConversation.Person(activity) is not var (tenantId, person))
        {
            await turnContext.SendActivityAsync(t["error.notAllowed"], cancellationToken: ct);
            return;
        }
        var teamId = TeamsConversation.TeamId(activity);
        var today = await TodayAsync(tenantId, teamId, ct);
        var list = teamId is null ? await goals.ListByCreatorAsync(tenantId, person, ct) : await goals.ListTeamAsync(tenantId, teamId, ct);
        var views = list.Select(g => GoalViews.Of(g, today))
            .OrderBy(v => v.Closed)
            .ThenBy(v => v.DaysLeft < 0 || v.Latest?.Status == GoalStatus.AtRisk ? 0 : 1)
            .ThenBy(v => v.Deadline)
            .ToList();
        var heading = t[teamId is null ? "goal.list.mine" : "goal.list.team"];
        await turnContext.SendActivityAsync(CardMessage.From(GoalCards.List(heading, views, t.Language, t["goal.list.empty"])), ct);
    }

    /// <summary>Today where the team is (its time zone in the pulse settings); across teams, in Norway.</summary>
    private async Task<DateOnly> TodayAsync(string tenantId, string? teamId, CancellationToken ct) =>
        GoalActions.Today(clock, teamId is null ? null : await pulse.GetSettingsAsync(tenantId, teamId, ct));

    /// <summary>The team's ideas a goal can come from: those being tried or implemented.</summary>
    public async Task<IReadOnlyList<(string Id, string Title)>> IdeaChoicesAsync(string tenantId, string teamId, CancellationToken ct) =>
        [.. (await ideas.ListTeamAsync(tenantId, teamId, ct))
            .Where(i => i.Status is IdeaStatus.Trying or IdeaStatus.Implemented or IdeaStatus.Considering)
            .OrderByDescending(i => i.StatusChangedAt).Take(10).Select(i => (i.IdeaId, i.Title))];
}
