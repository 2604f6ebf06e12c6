using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Ideas;

/// <summary>Posts a new idea's card in the team's channel, where colleagues support and comment on it.</summary>
public sealed class IdeaPostJob(IdeaRepository ideas, IdeaChannel channels) : IJobHandler
{
    public string Kind => IdeaJobs.PostKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = IdeaJobs.PostKind.Read(job);
        if (await ideas.GetAsync(job.TenantId, payload.TeamId, payload.IdeaId, ct) is not { } idea) return [];
        if (await channels.OfTeamAsync(job.TenantId, payload.TeamId, ct) is not { } channel) return [];
        return [new PlannedMessage(channel, CardMessage.From(IdeaCards.Idea(IdeaViews.Of(idea), IdeaChannel.LanguageOf(channel))))];
    }
}

/// <summary>After a decision: the idea's card in the channel shows the new status.</summary>
public sealed class IdeaRefreshJob(IdeaRepository ideas, IdeaChannel channels) : IJobHandler
{
    public string Kind => IdeaJobs.RefreshKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = IdeaJobs.PostKind.Read(job);
        if (await ideas.GetAsync(job.TenantId, payload.TeamId, payload.IdeaId, ct) is not { } idea) return [];
        if (await channels.OfTeamAsync(job.TenantId, payload.TeamId, ct) is not { } channel) return [];
        if (await channels.PostedCardAsync(idea, channel, ct) is not { } posted) return [];
        var card = IdeaCards.Idea(IdeaViews.Of(idea), IdeaChannel.LanguageOf(channel));
        return [new PlannedMessage(channel, CardMessage.From(card), posted)];
    }
}
