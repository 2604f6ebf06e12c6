using CareCompanion.Bot.Installation;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Roles;

/// <summary>
/// The person who adds the app to a team becomes its first leader (in Teams, by default only team owners can add
/// apps), so somebody can open the settings at once. More roles are granted from there.
/// </summary>
public sealed class RolesSetup(RoleRepository roles) : IInstallationListener
{
    public async Task OnInstalledAsync(Installed installed, CancellationToken ct)
    {
        if (installed.Team is not { } team || string.IsNullOrEmpty(installed.InstallerAadObjectId)) return;
        await roles.GrantAsync(team.TenantId, team.TeamId, installed.InstallerAadObjectId, Role.Leader, ct, installed.InstallerUserId);
    }
}
