using CareCompanion.Storage.Hms;

namespace CareCompanion.Bot.Roles;

/// <summary>
/// The one check "member of this HMS group": the person has confirmed their place in the group that serves the team.
/// Being named is not enough (they confirm in their personal chat), and the group's own data on a card never counts.
/// </summary>
public sealed class HmsMembership(HmsRepository groups)
{
    public async Task<bool> IsConfirmedMemberAsync(string tenantId, string teamId, string person, CancellationToken ct) =>
        await groups.GroupOfTeamAsync(tenantId, teamId, ct) is { } group && group.Teams.Any(t => t.TeamId == teamId) && group.HasConfirmed(person);
}
