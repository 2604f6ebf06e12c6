using CareCompanion.Bot.Roles;
using CareCompanion.Storage.Handover;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Handover;

/// <summary>
/// When a team's leader changes, the new leader gets the handover card once. The rule: someone holds the leader role
/// given to them with "roller" within <see cref="Window"/> before or after another person's leader role in the team
/// went (taken with "roller", or they left the team). Only the moment of the team's last removal is kept, not who.
/// </summary>
public sealed class HandoverRule(HandoverRepository handovers, RoleRepository roles, JobRepository jobs, TimeProvider clock) : ILeaderChangeListener
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public Task OnLeaderRemovingAsync(string tenantId, string teamId, CancellationToken ct) =>
        handovers.SetLeaderRemovedAsync(tenantId, teamId, clock.GetUtcNow(), ct);

    public async Task OnLeaderChangedAsync(string tenantId, string teamId, CancellationToken ct)
    {
        if (await handovers.LeaderRemovedAtAsync(tenantId, teamId, ct) is not { } removedAt) return;
        var newLeaders = (await roles.ListAsync(tenantId, teamId, ct))
            .Where(h => h.Roles.Contains(Role.Leader) && h.LeaderSince is { } since && (since - removedAt).Duration() <= Window);
        foreach (var leader in newLeaders)
        {
            await jobs.ScheduleAsync(HandoverJobs.CardKind.Create(tenantId, clock.GetUtcNow(), new HandoverJobs.Payload(teamId, leader.AadObjectId, leader.UserId),
                teamId, leader.AadObjectId, leader.LeaderSince!.Value.UtcTicks), ct);
        }
    }
}
