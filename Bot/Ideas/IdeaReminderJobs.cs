using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Ideas;

/// <summary>An idea still "under consideration" 30 days after that decision comes back to the team's leaders.</summary>
public sealed class IdeaParkedJob(IdeaRepository ideas, IdeaChannel channels, RoleRepository roles, PersonalChats personalChats) : IJobHandler
{
    public string Kind => IdeaJobs.ParkedKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = IdeaJobs.ParkedKind.Read(job);
        var idea = await ideas.GetAsync(job.TenantId, payload.TeamId, payload.IdeaId, ct);
        // Only if nothing was decided since: a later decision has a higher number.
        if (idea is null || idea.Status != IdeaStatus.Considering || idea.History.Count != payload.Decision) return [];
        if (await channels.OfTeamAsync(job.TenantId, payload.TeamId, ct) is not { } channel) return [];
        var leaders = (await roles.ListAsync(job.TenantId, payload.TeamId, ct)).Where(h => h.Roles.Overlaps(Role.Leaders)).Select(Recipient.Of);
        return await personalChats.TellAsync(channel, leaders, (_, t) => IdeaCards.Idea(IdeaViews.Of(idea), t.Language, t["idea.parked"]), ct);
    }
}

/// <summary>60 days after an idea was implemented, the team is asked in one tap whether the change worked.</summary>
public sealed class IdeaFollowUpJob(IdeaRepository ideas, IdeaChannel channels) : IJobHandler
{
    public string Kind => IdeaJobs.FollowUpKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = IdeaJobs.ParkedKind.Read(job);
        var idea = await ideas.GetAsync(job.TenantId, payload.TeamId, payload.IdeaId, ct);
        if (idea is null || idea.Status != IdeaStatus.Implemented || idea.History.Count != payload.Decision) return [];
        if (await channels.OfTeamAsync(job.TenantId, payload.TeamId, ct) is not { } channel) return [];
        var card = IdeaCards.FollowUp(IdeaViews.Of(idea), IdeaChannel.LanguageOf(channel), IdeaViews.FollowUpCounts(idea));
        return [new PlannedMessage(channel, CardMessage.From(card))];
    }
}
