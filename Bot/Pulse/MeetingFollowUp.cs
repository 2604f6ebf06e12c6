using CareCompanion.Bot.Goals;
using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Limits;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// The follow-up on a reflection meeting's theme card: anyone in the team writes the summary and actions (stored
/// without who wrote them); an open action becomes an idea (sent by whoever taps, as any idea), a goal (the team's
/// coaches and leaders, as any goal), or is marked done. Each action changes once, however many tap at the same time.
/// </summary>
public sealed class MeetingFollowUp(MeetingRepository meetings, MeetingThemeViews views, IdeaSubmissions submissions, GoalActions goalActions,
    TeamRepository teams, PersonLimits limits, TimeProvider clock)
{
    public async Task<Reply> WriteAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        if (turn.Payload<MeetingFollowUpPayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);
        var summary = data.Summary?.Trim() is { Length: > 0 } s ? s : null;
        var lines = (data.Actions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if ((summary is null && lines.Length == 0) || summary?.Length > MeetingVerbs.MaxSummary || data.Actions?.Length > MeetingVerbs.MaxActionsInput
            || lines.Length > MeetingVerbs.MaxNewActions || lines.Any(l => l.Length > MeetingVerbs.MaxAction))
        {
            return Reply.Text(t["meeting.error.followUp"]);
        }
        var meeting = await meetings.GetAsync(caller.TenantId, caller.TeamId, data.Meeting, ct);
        if (meeting is null) return Reply.Text(t["meeting.notFound"]);
        if (meeting.Actions.Count + lines.Length > MeetingVerbs.MaxActions) return await views.CardAsync(meeting, t, t["meeting.error.full"], ct);
        var changed = await meetings.ChangeOnceAsync(caller.TenantId, caller.TeamId, meeting.MeetingId, turn.ActivityId,
            m => m.Actions.Count + lines.Length > MeetingVerbs.MaxActions ? null : m with
            {
                Summary = summary ?? m.Summary,
                Actions = [.. m.Actions, .. lines.Select((line, i) => new MeetingAction(m.NextNo + i, line))],
            }, ct);
        return changed.Record is not { } stored ? Reply.Text(t["meeting.notFound"])
            : await views.CardAsync(stored, t, t[changed.Applied ? "meeting.followUp.saved" : "meeting.error.full"], ct);
    }

    /// <summary>The action becomes an idea in status New, sent by the person who tapped, and is posted in the channel as any idea.</summary>
    public async Task<Reply> ToIdeaAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        if (turn.Payload<MeetingActionPayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);
        if (await OpenActionAsync(turn, data.Meeting, data.Action, ct) is not (var meeting, var action)) return await NotOpenAsync(turn, data.Meeting, ct);
        if (limits.Refusal(LimitKind.Ideas, turn) is { } wait) return wait;
        var changed = await ClaimAsync(turn, meeting, action, a => a with { IdeaId = StableIds.For(caller.TenantId, turn.ActivityId) }, ct);
        if (changed?.Action(action.No)?.IdeaId is not { } ideaId) return await NotOpenAsync(turn, data.Meeting, ct);

        var team = await teams.GetAsync(caller.TenantId, caller.TeamId, ct);
        var idea = submissions.NewIdea(turn, caller.TeamId, team?.Name, ideaId, action.Text, "other")
            with { Description = t.Format("meeting.idea.description", AdaptiveCardJson.Date(meeting.PostedAt)) };
        await submissions.AddAndPostAsync(idea, ct);
        return await views.CardAsync(changed, t, t["meeting.ideaMade"], ct);
    }

    /// <summary>The action becomes a goal with owners and a deadline, planned like any goal (check-ins, nudges, overdue).</summary>
    public async Task<Reply> ToGoalAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        if (turn.Payload<MeetingGoalPayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);
        var team = await teams.GetAsync(caller.TenantId, caller.TeamId, ct);
        if (team is null) return Reply.Text(t["command.teamOnly"]);
        var today = TeamCalendar.Today(clock, team);
        if (GoalActions.OwnersAndDeadline(data.Owners, data.Deadline, MeetingVerbs.MaxOwners, today) is not (var owners, var deadline))
        {
            return Reply.Text(t["meeting.error.goal"]);
        }
        if (await OpenActionAsync(turn, data.Meeting, data.Action, ct) is not (var meeting, var action)) return await NotOpenAsync(turn, data.Meeting, ct);
        var changed = await ClaimAsync(turn, meeting, action, a => a with { GoalId = StableIds.For(caller.TenantId, turn.ActivityId) }, ct);
        if (changed?.Action(action.No)?.GoalId is not { } goalId) return await NotOpenAsync(turn, data.Meeting, ct);

        var goal = goalActions.NewGoal(turn, goalId, action.Text, owners, today, deadline)
            with { Success = t.Format("meeting.goal.success", AdaptiveCardJson.Date(meeting.PostedAt)) };
        await goalActions.CreateAsync(goal, team.TimeZone, ct);
        return await views.CardAsync(changed, t, t["meeting.goalMade"], ct);
    }

    public async Task<Reply> DoneAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        if (turn.Payload<MeetingActionPayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);
        if (await OpenActionAsync(turn, data.Meeting, data.Action, ct) is not (var meeting, var action)) return await NotOpenAsync(turn, data.Meeting, ct);
        var changed = await ClaimAsync(turn, meeting, action, a => a with { Done = true }, ct);
        return changed is null ? await NotOpenAsync(turn, data.Meeting, ct) : await views.CardAsync(changed, t, t["meeting.doneMarked"], ct);
    }

    private async Task<(Meeting, MeetingAction)?> OpenActionAsync(Turn turn, string meetingId, int no, CancellationToken ct)
    {
        var meeting = await meetings.GetAsync(turn.Caller!.TenantId, turn.Caller.TeamId, meetingId, ct);
        // A redelivered tap finds its own change there: it goes on, so what a first attempt left undone gets done.
        return meeting?.Action(no) is { } action && (action.Open || meeting.Handled(turn.ActivityId)) ? (meeting, action) : null;
    }

    /// <summary>Changes the action once for this activity if it is still open: the meeting as stored, or null when someone else was first.</summary>
    private async Task<Meeting?> ClaimAsync(Turn turn, Meeting meeting, MeetingAction action, Func<MeetingAction, MeetingAction> change, CancellationToken ct)
    {
        var changed = await meetings.ChangeOnceAsync(meeting.TenantId, meeting.TeamId, meeting.MeetingId, turn.ActivityId, m => m.WithOpen(action.No, change), ct);
        return changed.Applied ? changed.Record : null;
    }

    /// <summary>The card as it is now, saying the action was already dealt with (or, without the meeting, just that).</summary>
    private async Task<Reply> NotOpenAsync(Turn turn, string meetingId, CancellationToken ct) =>
        await meetings.GetAsync(turn.Caller!.TenantId, turn.Caller.TeamId, meetingId, ct) is { } meeting
            ? await views.CardAsync(meeting, turn.T, turn.T["meeting.notOpen"], ct)
            : Reply.Text(turn.T["meeting.notFound"]);
}
