using System.Globalization;
using CareCompanion.Bot.Limits;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Goals;

/// <summary>
/// Creating (in the team's channel: the form turns into the goal card there), checking in on, closing and re-dating
/// goals. Create, close and re-date are for the team's coaches and leaders, check-ins for anyone in the team: the
/// routes declare it, the role gate checks it.
/// </summary>
public sealed class GoalActions(GoalRepository goals, GoalCommands commands, GoalSchedule schedule, TeamRepository teams, PersonLimits limits,
    TimeProvider clock)
{
    public async Task<Reply> CreateAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        if (turn.Payload<GoalFormPayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);
        var team = await teams.GetAsync(caller.TenantId, caller.TeamId, ct);
        if (team is null) return Reply.Text(t["command.teamOnly"]);

        var today = Today(team);
        var draft = new GoalDraft(data.Title?.Trim(), data.Success?.Trim(), data.Owners?.Trim(), DateOf(data.Start) ?? today, DateOf(data.Deadline), data.Cadence,
            data.Idea is { Length: > 0 } ideaId && ideaId != GoalFormCard.NoIdea ? ideaId : null);
        var ideaChoices = await commands.IdeaChoicesAsync(caller.TenantId, caller.TeamId, ct);
        var linked = ideaChoices.FirstOrDefault(i => i.Id == draft.IdeaId);
        var problem =
            string.IsNullOrEmpty(draft.Title) || draft.Title.Length > GoalVerbs.MaxTitle ? t["goal.error.title"]
            : draft.Deadline is not { } deadline || deadline <= draft.Start || deadline < today ? t["goal.error.deadline"]
            : draft.Success?.Length > GoalVerbs.MaxSuccess || draft.Owners?.Length > GoalVerbs.MaxOwners || !GoalCadence.All.Contains(draft.Cadence)
                || (draft.IdeaId is not null && linked.Id is null) ? t["goal.error.fields"]
            : null;
        if (problem is not null) return Reply.Card(GoalFormCard.Build(t.Language, caller.TeamId, draft, ideaChoices, problem));

        var goal = NewGoal(turn, StableIds.For(caller.TenantId, turn.ActivityId), draft.Title!, draft.Owners ?? "", draft.Start!.Value, draft.Deadline!.Value)
            with { Success = draft.Success ?? "", Cadence = draft.Cadence!, IdeaId = linked.Id, IdeaTitle = linked.Title };
        goal = await CreateAsync(goal, team.TimeZone, ct);
        return Reply.Card(GoalCards.Goal(GoalViews.Of(goal, today), t.Language, t["goal.created"]));
    }

    /// <summary>
    /// A new goal of the caller's team, made now by the person in <paramref name="turn"/>, its title cut to what a goal
    /// holds: from the form, a meeting's action or a circle's pick.
    /// </summary>
    public Goal NewGoal(Turn turn, string goalId, string title, string owners, DateOnly start, DateOnly deadline) => new()
    {
        TenantId = turn.Caller!.TenantId,
        TeamId = turn.Caller.TeamId,
        GoalId = goalId,
        Title = title.Length <= GoalVerbs.MaxTitle ? title : title[..GoalVerbs.MaxTitle],
        Owners = owners,
        Start = start,
        Deadline = deadline,
        CreatedByAadObjectId = turn.Caller.UserAadObjectId,
        CreatedByUserId = turn.UserId,
        CreatedByName = turn.UserName ?? "",
        CreatedAt = clock.GetUtcNow(),
    };

    /// <summary>Owners and a deadline after today, as making a meeting's action or a circle's pick a goal asks; null when either is missing or wrong.</summary>
    public static (string Owners, DateOnly Deadline)? OwnersAndDeadline(string? owners, string? deadline, int maxOwners, DateOnly today)
    {
        owners = owners?.Trim();
        return string.IsNullOrEmpty(owners) || owners.Length > maxOwners || DateOf(deadline) is not { } date || date <= today ? null : (owners, date);
    }

    /// <summary>
    /// Stores the goal and plans its check-ins, nudges and overdue reminders in <paramref name="timeZone"/>. Its id comes
    /// from the activity, so the same tap delivered again finds the first goal, which stands (and is planned again, in
    /// case the first attempt stopped in between: the job ids keep each reminder once).
    /// </summary>
    public async Task<Goal> CreateAsync(Goal goal, string timeZone, CancellationToken ct)
    {
        if (!await goals.TryAddAsync(goal, ct)) goal = await goals.GetAsync(goal.TenantId, goal.TeamId, goal.GoalId, ct) ?? goal;
        await schedule.PlanAsync(goal, timeZone, ct);
        return goal;
    }

    public async Task<Reply> CheckInAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var data = turn.Payload<GoalCheckInPayload>();
        var note = data?.Note?.Trim() ?? "";
        var blocker = data?.Blocker is { Length: > 0 } b && b != "none" ? b : null;
        if (data is null || !GoalStatus.All.Contains(data.Status) || note.Length > GoalVerbs.MaxNote || (blocker is not null && !GoalStatus.Blockers.Contains(blocker)))
        {
            return Reply.Text(t["goal.error.checkin"]);
        }
        if (limits.Refusal(LimitKind.CheckIns, turn) is { } refusal) return refusal;
        var caller = turn.Caller!;
        var checkIn = new GoalCheckIn(data.Status!, note, blocker, caller.UserAadObjectId, turn.UserName ?? "", clock.GetUtcNow());
        var goal = await ChangeOpenGoalAsync(turn, data.Goal, goal => goal with { CheckIns = [.. goal.CheckIns, checkIn] }, ct);
        var team = await teams.GetAsync(caller.TenantId, caller.TeamId, ct);
        return GoalReply(goal, Today(team), t, t["goal.checkedIn"]);
    }

    public Task<Reply> CloseAsync(Turn turn, CancellationToken ct) => CoachChangeAsync(turn, needsDate: false, ct);

    public Task<Reply> RedateAsync(Turn turn, CancellationToken ct) => CoachChangeAsync(turn, needsDate: true, ct);

    private async Task<Reply> CoachChangeAsync(Turn turn, bool needsDate, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        if (turn.Payload<GoalChangePayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);
        var reason = data.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > GoalVerbs.MaxReason) return Reply.Text(t["goal.error.reason"]);
        var team = await teams.GetAsync(caller.TenantId, caller.TeamId, ct);
        var today = Today(team);
        var newDeadline = DateOf(data.NewDeadline);
        if (needsDate && (newDeadline is not { } d || d < today)) return Reply.Text(t["goal.error.deadline"]);

        var change = new GoalChange(needsDate ? "redate" : "close", reason, newDeadline, caller.UserAadObjectId, turn.UserName ?? "", clock.GetUtcNow());
        var goal = await ChangeOpenGoalAsync(turn, data.Goal, goal => needsDate
            ? goal with { Deadline = newDeadline!.Value, DeadlineVersion = goal.DeadlineVersion + 1, Changes = [.. goal.Changes, change] }
            : goal with { Closed = true, Changes = [.. goal.Changes, change] }, ct);
        if (needsDate && team is not null && goal is { Closed: false }) await schedule.PlanAsync(goal, team.TimeZone, ct);
        return GoalReply(goal, today, t, t[needsDate ? "goal.redated" : "goal.closedNotice"]);
    }

    /// <summary>Applies a change once per activity to an open goal; the goal as stored, or null when it is gone or closed.</summary>
    private async Task<Goal?> ChangeOpenGoalAsync(Turn turn, string goalId, Func<Goal, Goal> change, CancellationToken ct)
    {
        var changed = await goals.ChangeOnceAsync(turn.Caller!.TenantId, turn.Caller.TeamId, goalId, turn.ActivityId,
            current => current.Closed ? null : change(current), ct);
        return changed.Applied ? changed.Record : null;
    }

    private static Reply GoalReply(Goal? goal, DateOnly today, Texts t, string notice) => goal is null
        ? Reply.Text(t["goal.error.notFound"])
        : Reply.Card(GoalCards.Goal(GoalViews.Of(goal, today), t.Language, notice));

    private DateOnly Today(Team? team) => TeamCalendar.Today(clock, team);

    private static DateOnly? DateOf(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
