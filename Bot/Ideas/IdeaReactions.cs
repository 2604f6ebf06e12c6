using CareCompanion.Bot.Limits;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Ideas;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// What colleagues do with an idea: support it (one vote each, tap again to withdraw), comment, and answer
/// "did it work?". Only members of the idea's team (the routes' gate: in its channel Teams vouches for that, elsewhere the roster).
/// </summary>
public sealed class IdeaReactions(IdeaRepository ideas, PersonLimits limits, TimeProvider clock)
{
    public const int MaxComments = 100;

    public Task<Reply> SupportAsync(Turn turn, CancellationToken ct) =>
        ChangeAsync(turn, turn.Payload<IdeaRef>()?.Idea, (idea, person, t) =>
        {
            var supports = idea.Supporters.Contains(person);
            return (idea with { Supporters = supports ? [.. idea.Supporters.Where(p => p != person)] : [.. idea.Supporters, person] },
                t[supports ? "idea.unsupported" : "idea.supported"]);
        }, ct);

    public Task<Reply> CommentAsync(Turn turn, CancellationToken ct)
    {
        var data = turn.Payload<IdeaCommentPayload>();
        var text = data?.Comment?.Trim();
        if (limits.Refusal(LimitKind.Comments, turn) is { } refusal) return Task.FromResult(refusal);
        return ChangeAsync(turn, data?.Idea, (idea, person, t) =>
        {
            if (string.IsNullOrEmpty(text) || text.Length > IdeaVerbs.MaxComment) return (null, t["idea.error.comment"]);
            if (idea.Comments.Count >= MaxComments) return (null, t["idea.error.full"]);
            var comment = new IdeaComment(person, turn.UserName ?? "", text, clock.GetUtcNow());
            return (idea with { Comments = [.. idea.Comments, comment] }, t["idea.commented"]);
        }, ct);
    }

    public async Task<Reply> FollowUpAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var data = turn.Payload<IdeaFollowUpPayload>();
        if (data?.Answer is not ("yes" or "partly" or "no") || data.Answer is not { } answer) return Reply.Text(t["error.notAllowed"]);
        var (idea, refusal) = await ApplyAsync(turn, data.Idea, (idea, person, _) =>
            idea.Status != IdeaStatus.Implemented ? (null, t["error.notAllowed"])
            : (idea with { FollowUp = new Dictionary<string, string>(idea.FollowUp) { [person] = answer } }, null), ct);
        return idea is null
            ? Reply.Text(refusal!)
            : Reply.Card(IdeaCards.FollowUp(IdeaViews.Of(idea), t.Language, IdeaViews.FollowUpCounts(idea), t["idea.followup.thanks"]));
    }

    private delegate (Idea? Changed, string? Message) Change(Idea idea, string person, Texts t);

    private async Task<Reply> ChangeAsync(Turn turn, string? ideaId, Change change, CancellationToken ct)
    {
        var (idea, message) = await ApplyAsync(turn, ideaId, change, ct);
        return idea is null ? Reply.Text(message!) : Reply.Card(IdeaCards.Idea(IdeaViews.Of(idea), turn.Language, message));
    }

    /// <summary>
    /// Applies the change once per activity (Teams may deliver a tap twice) and stores it; returns the idea as stored
    /// and the change's message, or null and the refusal.
    /// </summary>
    private async Task<(Idea? Idea, string? Message)> ApplyAsync(Turn turn, string? ideaId, Change change, CancellationToken ct)
    {
        var t = turn.T;
        if (ideaId is null) return (null, t["error.notAllowed"]);
        var caller = turn.Caller!;
        string? message = null;
        var changed = await ideas.ChangeOnceAsync(caller.TenantId, caller.TeamId, ideaId, turn.ActivityId, idea =>
        {
            var (next, text) = change(idea, caller.UserAadObjectId, t);
            message = text;
            return next;
        }, ct);
        if (changed.Record is null) return (null, t["idea.error.notFound"]);
        return changed.Applied ? (changed.Record, message) : (null, message);
    }
}
