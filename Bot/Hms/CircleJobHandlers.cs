using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Hms;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Hms;

/// <summary>A phase begins: each confirmed member of the HMS group gets its preparation card in their personal chat.</summary>
public sealed class CirclePrepareJob(CircleRepository circles, HmsRepository groups, TeamRepository teams, PersonalChats chats) : IJobHandler
{
    public string Kind => HmsJobs.PrepareKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = HmsJobs.PrepareKind.Read(job);
        var circle = await circles.GetAsync(job.TenantId, payload.TeamId, payload.CircleId, ct);
        if (circle is null || circle.Phase != payload.Phase) return [];
        var group = await groups.GetAsync(job.TenantId, circle.GroupTeamId, ct);
        var home = await teams.GetAsync(job.TenantId, circle.GroupTeamId, ct);
        var team = await teams.GetAsync(job.TenantId, circle.TeamId, ct);
        if (group is null || home is null) return [];
        return await chats.TellAsync(TeamChannel.Of(home), group.Confirmed.Select(m => new Recipient(m.AadObjectId, m.UserId)),
            (_, t) => CircleCards.Preparation(CircleViews.Of(circle, team, t.Language), t.Language), ct);
    }
}

/// <summary>
/// At the workshop's time: the workshop card in the team's channel, opening with the baton. In "Teste" the vote ends
/// here: the leading proposal is fixed as the one the team picked.
/// </summary>
public sealed class CircleWorkshopJob(CircleRepository circles, TeamRepository teams) : IJobHandler
{
    public string Kind => HmsJobs.WorkshopKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = HmsJobs.WorkshopKind.Read(job);
        var circle = await circles.GetAsync(job.TenantId, payload.TeamId, payload.CircleId, ct);
        if (circle is null || circle.Phase != payload.Phase || circle.PhaseOf(payload.Phase)?.Version != payload.Version) return [];
        if (await teams.GetAsync(job.TenantId, payload.TeamId, ct) is not { } team) return [];
        if (payload.Phase == CirclePhases.Test && circle.Picked is null)
        {
            circle = await circles.ChangeAsync(job.TenantId, circle.TeamId, circle.CircleId, c => c.Picked is null ? c with { Picked = c.Leading() } : null, ct) ?? circle;
        }
        var language = TeamChannel.LanguageOf(team);
        return [new PlannedMessage(TeamChannel.Of(team), CardMessage.From(CircleCards.Workshop(CircleViews.Of(circle, team, language), language)))];
    }
}
