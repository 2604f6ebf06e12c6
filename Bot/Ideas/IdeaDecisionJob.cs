using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// Tells everyone about a leader's decision: a short update in the team's channel and a notice to the submitter
/// in their personal chat. An anonymous submitter is reached through the ids kept with the idea, never shown to anyone.
/// </summary>
public sealed class IdeaDecisionJob(IdeaRepository ideas, IdeaChannel channels, PersonalChats personalChats) : IJobHandler
{
    public string Kind => IdeaJobs.DecisionKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = IdeaJobs.DecisionKind.Read(job);
        var idea = await ideas.GetAsync(job.TenantId, payload.TeamId, payload.IdeaId, ct);
        if (idea is null || payload.Decision < 1 || payload.Decision > idea.History.Count) return [];
        if (await channels.OfTeamAsync(job.TenantId, payload.TeamId, ct) is not { } channel) return [];
        var view = IdeaViews.Of(idea);
        var decision = IdeaViews.Decision(idea.History[payload.Decision - 1]);
        var planned = new List<PlannedMessage>
        {
            new(channel, CardMessage.From(IdeaCards.StatusUpdate(view, decision, IdeaChannel.LanguageOf(channel)))),
        };
        if (idea.SubmitterAadObjectId is { } submitter
            && await personalChats.GetOrCreateAsync(channel, submitter, idea.SubmitterUserId, ct) is { } chat)
        {
            var language = await personalChats.LanguageOfAsync(channel, submitter, chat, ct);
            planned.Add(new PlannedMessage(chat, CardMessage.From(IdeaCards.SubmitterNotice(view, decision, language))));
        }
        return planned;
    }
}
