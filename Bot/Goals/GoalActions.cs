using System.Globalization;
using CareCompanion.Bot.Digest;
using CareCompanion.Bot.Pulse;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CareCompanion.Bot.Goals;

/// <summary>
/// Creating (in the team's channel: the form turns into the goal card there), checking in on, closing and re-dating goals. Create, close and re-date need the coach or leader role in
/// the goal's team (checked here, never taken from the card); anyone in the team may check in.
/// </summary>
public sealed class GoalActions(GoalRepository goals, GoalCommands commands, GoalSchedule schedule, PulseRepository pulse,
    RoleRepository roles, TeamRoles teamRoles, TeamMembership membership, TimeProvider clock)
{
    public async Task<AdaptiveCardInvokeResponse> CreateAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var t = Texts.ForLocale(activity.Locale);
        var data = CardData.Of(invoke);
        var (caller, refusal) = await teamRoles.RequireAsync(activity, Role.LeadersAndCoaches, "goal.rolesOnly", ct);
        if (caller is null || CardData.String(data, "team") != caller.TeamId) return InvokeResponses.Message(refusal ?? t["error.notAllowed"]);
        var team = await pulse.GetSettingsAsync(caller.TenantId, caller.TeamId, ct);
        if (team is null) return InvokeResponses.Message(t["command.teamOnly"]);

        var today = Today(team);
        var draft = new GoalDraft(
            CardData.String(data, "title")?.Trim(), CardData.String(data, "success")?.Trim(), CardData.String(data, "owners")?.Trim(),
            DateOf(data, "start") ?? today, DateOf(data, "deadline"), CardData.String(data, "cadence"), CardData.String(data, "idea") is { Length: > 0 } ideaId && ideaId != GoalFormCard.NoIdea ? ideaId : null);
        var ideaChoices = await commands.IdeaChoicesAsync(caller.TenantId, caller.TeamId, ct);
        var linked = ideaChoices.FirstOrDefault(i => i.Id == draft.IdeaId);
        var problem =
            string.IsNullOrEmpty(draft.Title) || draft.Title.Length > GoalVerbs.MaxTitle ? t["goal.error.title"]
            : draft.Deadline is not { } deadline || deadline <= draft.Start || deadline < today ? t["goal.error.deadline"]
            : draft.Success?.Length > GoalVerbs.MaxSuccess || draft.Owners?.Length > GoalVerbs.MaxOwners || !GoalCadence.All.Contains(draft.Cadence)
                || (draft.IdeaId is not null && linked.Id is null) ? t["goal.error.fields"]
            : null;
        if (problem is not null)
        {
            return InvokeResponses.Card(GoalFormCard.Build(t.Language, caller.TeamId, draft, ideaChoices, problem));
        }

        var goal = new Goal
        {
            TenantId = caller.TenantId,
            TeamId = caller.TeamId,
            GoalId = StableIds.For(caller.TenantId, activity.Id),
            Title = draft.Title!,
            Success = draft.Success ?? "",
            Owners = draft.Owners ?? "",
            Start = draft.Start!.Value,
            Deadline = draft.Deadline!.Value,
            Cadence = draft.Cadence!,
            IdeaId = linked.Id,
            IdeaTitle = linked.Title,
            CreatedByAadObjectId = caller.UserAadObjectId,
            CreatedByUserId = activity.From.Id,
            CreatedByName = activity.From.Name ?? "",
            CreatedAt = clock.GetUtcNow(),
        };
        if (!await goals.TryAddAsync(goal, ct)) goal = (await goals.GetAsync(goal.TenantId, goal.TeamId, goal.GoalId, ct))!; // delivered twice
        await schedule.PlanAsync(goal, team.TimeZone, ct);
        return InvokeResponses.Card(GoalCards.Goal(GoalViews.Of(goal, today), t.Language, t["goal.created"]));
    }

    public async Task<AdaptiveCardInvokeResponse> CheckInAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var t = Texts.ForLocale(activity.Locale);
        var data = CardData.Of(invoke);
        var status = CardData.String(data, "status");
        var note = CardData.String(data, "note")?.Trim() ?? "";
        var blocker = CardData.String(data, "blocker") is { Length: > 0 } b && b != "none" ? b : null;
        if (!GoalStatus.All.Contains(status) || note.Length > GoalVerbs.MaxNote || (blocker is not null && !GoalStatus.Blockers.Contains(blocker)))
        {
            return InvokeResponses.Message(t["goal.error.checkin"]);
        }
        if (Reference(activity, data) is not var (tenantId, teamId, goalId) || !await membership.IsInTeamAsync(turnContext, teamId, ct))
        {
            return InvokeResponses.Message(t["error.notAllowed"]);
        }
        var checkIn = new GoalCheckIn(status!, note, blocker, activity.From.AadObjectId, activity.From.Name ?? "", clock.GetUtcNow());
        var goal = await ChangeOpenGoalAsync(activity, tenantId, teamId, goalId, goal => goal with { CheckIns = [.. goal.CheckIns, checkIn] }, ct);
        var team = await pulse.GetSettingsAsync(tenantId, teamId, ct);
        return Reply(goal, Today(team), t, t["goal.checkedIn"]);
    }

    public Task<AdaptiveCardInvokeResponse> CloseAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct) =>
        CoachChangeAsync(turnContext, invoke, needsDate: false, ct);

    public Task<AdaptiveCardInvokeResponse> RedateAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct) =>
        CoachChangeAsync(turnContext, invoke, needsDate: true, ct);

    private async Task<AdaptiveCardInvokeResponse> CoachChangeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, bool needsDate, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var t = Texts.ForLocale(activity.Locale);
        var data = CardData.Of(invoke);
        if (Reference(activity, data) is not var (tenantId, teamId, goalId)) return InvokeResponses.Message(t["error.notAllowed"]);
        if (!(await roles.GetAsync(tenantId, teamId, activity.From.AadObjectId, ct)).Overlaps(Role.LeadersAndCoaches)) return InvokeResponses.Message(t["goal.rolesOnly"]);
        var reason = CardData.String(data, "reason")?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > GoalVerbs.MaxReason) return InvokeResponses.Message(t["goal.error.reason"]);
        var team = await pulse.GetSettingsAsync(tenantId, teamId, ct);
        var today = Today(team);
        var newDeadline = DateOf(data, "newDeadline");
        if (needsDate && (newDeadline is not { } d || d < today)) return InvokeResponses.Message(t["goal.error.deadline"]);

        var change = new GoalChange(needsDate ? "redate" : "close", reason, newDeadline, activity.From.AadObjectId, activity.From.Name ?? "", clock.GetUtcNow());
        var goal = await ChangeOpenGoalAsync(activity, tenantId, teamId, goalId, goal => needsDate
            ? goal with { Deadline = newDeadline!.Value, DeadlineVersion = goal.DeadlineVersion + 1, Changes = [.. goal.Changes, change] }
            : goal with { Closed = true, Changes = [.. goal.Changes, change] }, ct);
        if (needsDate && team is not null && goal is { Closed: false }) await schedule.PlanAsync(goal, team.TimeZone, ct);
        return Reply(goal, today, t, t[needsDate ? "goal.redated" : "goal.closedNotice"]);
    }

    /// <summary>Applies a change once per activity to an open goal; the goal as stored, or null when it is gone or closed.</summary>
    private async Task<Goal?> ChangeOpenGoalAsync(Activity activity, string tenantId, string teamId, string goalId, Func<Goal, Goal> change, CancellationToken ct)
    {
        var activityId = activity.Id ?? Guid.NewGuid().ToString("N");
        var refused = false;
        var goal = await goals.ChangeAsync(tenantId, teamId, goalId, current =>
        {
            if (current.Handled(activityId)) return null;
            if (current.Closed)
            {
                refused = true;
                return null;
            }
            return change(current).After(activityId);
        }, ct);
        return refused ? null : goal;
    }

    private static AdaptiveCardInvokeResponse Reply(Goal? goal, DateOnly today, Texts t, string notice) => goal is null
        ? InvokeResponses.Message(t["goal.error.notFound"])
        : InvokeResponses.Card(GoalCards.Goal(GoalViews.Of(goal, today), t.Language, notice));

    /// <summary>The team-local date (the team's time zone; Oslo for a team without settings).</summary>
    private DateOnly Today(PulseSettings? team) => Today(clock, team);

    /// <summary>Today in the team's time zone (Norway's when the team has none).</summary>
    public static DateOnly Today(TimeProvider clock, PulseSettings? team) => PulseCalendar.DateAt(clock.GetUtcNow(), team?.TimeZone ?? DigestSetup.DefaultTimeZone);

    /// <summary>The goal the card names, in the caller's tenant; in a channel only the channel's team.</summary>
    private static (string TenantId, string TeamId, string GoalId)? Reference(Activity activity, JObject data)
    {
        var tenantId = TeamsConversation.TenantId(activity);
        var teamId = CardData.String(data, "team");
        var goalId = CardData.String(data, "goal");
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(teamId) || string.IsNullOrEmpty(goalId) || string.IsNullOrEmpty(activity.From?.AadObjectId)) return null;
        return TeamsConversation.TeamId(activity) is { } channelTeam && channelTeam != teamId ? null : (tenantId, teamId, goalId);
    }

    private static DateOnly? DateOf(JObject data, string key) =>
        DateOnly.TryParseExact(CardData.String(data, key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
