using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Handover;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Handover;

/// <summary>The new leader's handover card, in their personal chat; nothing if they are no longer the team's leader by then.</summary>
public sealed class HandoverJob(HandoverBuilder builder, RoleRepository roles, TeamRepository teams, PersonalChats chats, TimeProvider clock) : IJobHandler
{
    public string Kind => HandoverJobs.CardKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = HandoverJobs.CardKind.Read(job);
        if (await teams.GetAsync(job.TenantId, payload.TeamId, ct) is not { } team) return [];
        if (!(await roles.GetAsync(job.TenantId, payload.TeamId, payload.Person, ct)).Contains(Role.Leader)) return [];
        var view = await builder.ForTeamAsync(job.TenantId, payload.TeamId, clock.GetUtcNow(), ct);
        return await chats.TellAsync(TeamChannel.Of(team), [new Recipient(payload.Person, payload.UserId)],
            (_, t) => HandoverCard.Build(view, t.Language, newLeader: true), ct);
    }
}
