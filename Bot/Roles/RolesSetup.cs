using CareCompanion.Bot.Installation;
using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Roles;

/// <summary>
/// Installing is not leading. Team members may add and remove apps in most teams, so only the first install into a team
/// that has no leader or admin makes the installer its leader; a re-install or an upgrade grants nothing. With Graph
/// configured, the installer becomes leader only if Graph says they own the team. When nobody may, the municipality's
/// admins (<see cref="RoleOptions.TenantAdmins"/>) or a team owner give the first leader role with "roller".
/// </summary>
public sealed class RolesSetup(RoleRepository roles, TeamOwners owners, ILogger<RolesSetup> logger) : IInstallationListener
{
    public async Task OnInstalledAsync(Installed installed, CancellationToken ct)
    {
        if (installed.Team is not { } team || string.IsNullOrEmpty(installed.InstallerAadObjectId)) return;
        if ((await roles.ListAsync(team.TenantId, team.TeamId, ct)).Any(h => h.Roles.Overlaps(Role.Leaders))) return;
        if (owners.EnabledFor(team.TenantId) && (team.AadGroupId is not { Length: > 0 } group || !await IsOwnerAsync(team.TenantId, group, installed.InstallerAadObjectId, ct)))
        {
            logger.LogInformation("The app was added to team {Team} by someone Graph does not list as its owner: no first leader.", team.TeamId);
            return;
        }
        await roles.GrantAsync(team.TenantId, team.TeamId, installed.InstallerAadObjectId, Role.Leader, ct, installed.InstallerUserId);
    }

    /// <summary>Graph failing during an install grants nothing, as before: the rest of the install goes on, and an owner can use "roller" later.</summary>
    private async Task<bool> IsOwnerAsync(string tenantId, string group, string person, CancellationToken ct)
    {
        try
        {
            return await owners.IsOwnerAsync(tenantId, group, person, ct);
        }
        catch (Exception e) when (TransientFault.Is(e, ct))
        {
            logger.LogWarning("Graph could not say whether the installer owns team group {Group} ({Error}).", group, e.GetBaseException().Message);
            return false;
        }
    }
}
