using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// A leader's answer to an idea (new status and why) and sharing an implemented idea with the other teams. Only the
/// leaders and admins of the idea's team may: the routes declare it and the role gate checks it with the tenant and
/// person Teams signed; a card's data only says which idea.
/// </summary>
public sealed class IdeaDecisions(IdeaRepository ideas, JobRepository jobs, TimeProvider clock)
{
    public async Task<Reply> DecideFromCardAsync(Turn turn, CancellationToken ct)
    {
        var (decided, refusal) = await DecideAsync(turn, ct);
        return decided is null ? Reply.Text(refusal!) : Reply.Card(IdeaCards.Idea(IdeaViews.Of(decided), turn.Language, turn.T["idea.decided"]));
    }

    /// <summary>
    /// Records a leader's decision from any card (the idea's, a list, the digest): the idea as decided, or why not.
    /// The same activity delivered twice is recorded once.
    /// </summary>
    public async Task<(Idea? Decided, string? Refusal)> DecideAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        if (turn.Payload<IdeaDecisionPayload>() is not { } data) return (null, t["error.notAllowed"]);
        var status = data.Status;
        var reason = data.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > IdeaVerbs.MaxReason) return (null, t["idea.error.reason"]);
        var caller = turn.Caller!;
        var now = clock.GetUtcNow();
        var decided = await ideas.ChangeOnceAsync(caller.TenantId, caller.TeamId, data.Idea, turn.ActivityId, current =>
            !IdeaStatus.Next(current.Status).Contains(status) ? null : current with
            {
                Status = status!,
                StatusChangedAt = now,
                History = [.. current.History, new IdeaDecision(status!, reason, caller.UserAadObjectId, turn.UserName ?? "", now)],
            }, ct);
        if (decided.Record is null) return (null, t["idea.error.notFound"]);
        if (!decided.Applied) return (null, t.Format("idea.error.transition", t[$"idea.status.{decided.Record.Status}"]));

        var idea = decided.Record;
        await jobs.ScheduleAsync(IdeaJobs.Decision(idea), ct);
        await jobs.ScheduleAsync(IdeaJobs.Refresh(idea), ct);
        if (idea.Status == IdeaStatus.Considering) await jobs.ScheduleAsync(IdeaJobs.Parked(idea), ct);
        if (idea.Status == IdeaStatus.Implemented) await jobs.ScheduleAsync(IdeaJobs.FollowUp(idea), ct);
        return (idea, null);
    }

    public async Task<Reply> ShareAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        if (turn.Payload<IdeaRef>() is not { } reference) return Reply.Text(t["error.notAllowed"]);
        var idea = await ideas.GetAsync(turn.Caller!.TenantId, turn.Caller.TeamId, reference.Idea, ct);
        if (idea is null) return Reply.Text(t["idea.error.notFound"]);
        if (idea.Status != IdeaStatus.Implemented) return Reply.Text(t["idea.error.share"]);
        var shared = await ideas.ChangeAsync(idea.TenantId, idea.TeamId, idea.IdeaId, current =>
            current.Shared || current.Status != IdeaStatus.Implemented ? null : current with { Shared = true }, ct);
        return Reply.Card(IdeaCards.Idea(IdeaViews.Of(shared ?? idea), turn.Language, t["idea.shared"]));
    }
}
