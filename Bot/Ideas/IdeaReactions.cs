using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Ideas;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// What colleagues do with an idea: support it (one vote each, tap again to withdraw), comment, and answer
/// "did it work?". Only members of the idea's team: in its channel Teams vouches for that, elsewhere the roster does.
/// </summary>
public sealed class IdeaReactions(IdeaRepository ideas, TeamMembership membership, TimeProvider clock)
{
    public const int MaxComments = 100;

    public Task<AdaptiveCardInvokeResponse> SupportAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct) =>
        ChangeAsync(turnContext, invoke, (idea, person, _, t) =>
        {
            var supports = idea.Supporters.Contains(person);
            return (idea with { Supporters = supports ? [.. idea.Supporters.Where(p => p != person)] : [.. idea.Supporters, person] },
                t[supports ? "idea.unsupported" : "idea.supported"]);
        }, ct);

    public Task<AdaptiveCardInvokeResponse> CommentAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var text = CardData.String(CardData.Of(invoke), "comment")?.Trim();
        return ChangeAsync(turnContext, invoke, (idea, person, activity, t) =>
        {
            if (string.IsNullOrEmpty(text) || text.Length > IdeaVerbs.MaxComment) return (null, t["idea.error.comment"]);
            if (idea.Comments.Count >= MaxComments) return (null, t["idea.error.full"]);
            var comment = new IdeaComment(person, activity.From.Name ?? "", text, clock.GetUtcNow());
            return (idea with { Comments = [.. idea.Comments, comment] }, t["idea.commented"]);
        }, ct);
    }

    public async Task<AdaptiveCardInvokeResponse> FollowUpAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var answer = CardData.String(CardData.Of(invoke), "answer");
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        if (answer is not ("yes" or "partly" or "no")) return InvokeResponses.Message(t["error.notAllowed"]);
        var (idea, refusal) = await ApplyAsync(turnContext, invoke, (idea, person, _, _) =>
            idea.Status != IdeaStatus.Implemented ? (null, t["error.notAllowed"])
            : (idea with { FollowUp = new Dictionary<string, string>(idea.FollowUp) { [person] = answer } }, null), ct);
        return idea is null
            ? InvokeResponses.Message(refusal!)
            : InvokeResponses.Card(IdeaCards.FollowUp(IdeaViews.Of(idea), t.Language, IdeaViews.FollowUpCounts(idea), t["idea.followup.thanks"]));
    }

    private delegate (Idea? Changed, string? Message) Change(Idea idea, string person, Activity activity, Texts t);

    private async Task<AdaptiveCardInvokeResponse> ChangeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, Change change, CancellationToken ct)
    {
        var (idea, message) = await ApplyAsync(turnContext, invoke, change, ct);
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        return idea is null ? InvokeResponses.Message(message!) : InvokeResponses.Card(IdeaCards.Idea(IdeaViews.Of(idea), t.Language, message));
    }

    /// <summary>
    /// Checks the caller, applies the change once per activity (Teams may deliver a tap twice) and stores it;
    /// returns the idea as stored and the change's message, or null and the refusal.
    /// </summary>
    private async Task<(Idea? Idea, string? Message)> ApplyAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, Change change, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var t = Texts.ForLocale(activity.Locale);
        var tenantId = TeamsConversation.TenantId(activity);
        var person = activity.From?.AadObjectId;
        var reference = IdeaRef.Of(CardData.Of(invoke));
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(person) || reference is null
            || !await membership.IsInTeamAsync(turnContext, reference.TeamId, ct))
        {
            return (null, t["error.notAllowed"]);
        }
        var activityId = activity.Id ?? Guid.NewGuid().ToString("N");
        string? message = null;
        string? refusal = null;
        var stored = await ideas.ChangeAsync(tenantId, reference.TeamId, reference.IdeaId, idea =>
        {
            if (idea.Handled(activityId)) return null;
            var (changed, text) = change(idea, person, activity, t);
            if (changed is null) refusal = text;
            message = text;
            return changed?.After(activityId);
        }, ct);
        if (stored is null) return (null, t["idea.error.notFound"]);
        return refusal is not null ? (null, refusal) : (stored, message);
    }
}
