using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Scheduling;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// A leader's answer to an idea (new status and why) and sharing an implemented idea with the other teams.
/// Only the leaders and admins of the idea's team, checked here against the role table with the tenant and person
/// Teams signed: a card's data only says which idea.
/// </summary>
public sealed class IdeaDecisions(IdeaRepository ideas, RoleRepository roles, JobRepository jobs, TimeProvider clock)
{
    public async Task<AdaptiveCardInvokeResponse> DecideAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        var (decided, refusal) = await DecideAsync(turnContext.Activity, CardData.Of(invoke), ct);
        return decided is null ? InvokeResponses.Message(refusal!) : InvokeResponses.Card(IdeaCards.Idea(IdeaViews.Of(decided), t.Language, t["idea.decided"]));
    }

    /// <summary>
    /// Records a leader's decision from any card (the idea's, a list, the digest): the idea as decided, or why not.
    /// The same activity delivered twice is recorded once.
    /// </summary>
    public async Task<(Idea? Decided, string? Refusal)> DecideAsync(Activity activity, JObject data, CancellationToken ct)
    {
        var t = Texts.ForLocale(activity.Locale);
        var (idea, refusal) = await LeaderIdeaAsync(activity, IdeaRef.Of(data), ct);
        if (idea is null) return (null, refusal);

        var status = CardData.String(data, IdeaVerbs.StatusInput(idea.IdeaId));
        var reason = CardData.String(data, IdeaVerbs.ReasonInput(idea.IdeaId))?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > IdeaVerbs.MaxReason) return (null, t["idea.error.reason"]);
        var activityId = activity.Id ?? Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        var decided = await ideas.ChangeAsync(idea.TenantId, idea.TeamId, idea.IdeaId, current =>
            current.Handled(activityId) || !IdeaStatus.Next(current.Status).Contains(status) ? null : current.After(activityId) with
            {
                Status = status!,
                StatusChangedAt = now,
                History = [.. current.History, new IdeaDecision(status!, reason, activity.From.AadObjectId, activity.From.Name ?? "", now)],
            }, ct);
        if (decided is null) return (null, t["idea.error.notFound"]);
        if (!decided.Handled(activityId)) return (null, t.Format("idea.error.transition", t[$"idea.status.{decided.Status}"]));

        await jobs.ScheduleAsync(IdeaJobs.Decision(decided), ct);
        await jobs.ScheduleAsync(IdeaJobs.Refresh(decided), ct);
        if (decided.Status == IdeaStatus.Considering) await jobs.ScheduleAsync(IdeaJobs.Parked(decided), ct);
        if (decided.Status == IdeaStatus.Implemented) await jobs.ScheduleAsync(IdeaJobs.FollowUp(decided), ct);
        return (decided, null);
    }

    public async Task<AdaptiveCardInvokeResponse> ShareAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        var (idea, refusal) = await LeaderIdeaAsync(turnContext.Activity, IdeaRef.Of(CardData.Of(invoke)), ct);
        if (idea is null) return InvokeResponses.Message(refusal!);
        if (idea.Status != IdeaStatus.Implemented) return InvokeResponses.Message(t["idea.error.share"]);
        var shared = await ideas.ChangeAsync(idea.TenantId, idea.TeamId, idea.IdeaId, current =>
            current.Shared || current.Status != IdeaStatus.Implemented ? null : current with { Shared = true }, ct);
        return InvokeResponses.Card(IdeaCards.Idea(IdeaViews.Of(shared ?? idea), t.Language, t["idea.shared"]));
    }

    /// <summary>The idea, if the caller leads its team; otherwise the refusal in the caller's language.</summary>
    private async Task<(Idea? Idea, string? Refusal)> LeaderIdeaAsync(Activity activity, IdeaRef? reference, CancellationToken ct)
    {
        var t = Texts.ForLocale(activity.Locale);
        var tenantId = TeamsConversation.TenantId(activity);
        var person = activity.From?.AadObjectId;
        var channelTeam = TeamsConversation.TeamId(activity);
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(person) || reference is null) return (null, t["error.notAllowed"]);
        if (channelTeam is not null && channelTeam != reference.TeamId) return (null, t["error.notAllowed"]);
        if (!(await roles.GetAsync(tenantId, reference.TeamId, person, ct)).Overlaps(Role.Leaders)) return (null, t["idea.leadersOnly"]);
        var idea = await ideas.GetAsync(tenantId, reference.TeamId, reference.IdeaId, ct);
        return idea is null ? (null, t["idea.error.notFound"]) : (idea, null);
    }
}
