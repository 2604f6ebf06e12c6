using CareCompanion.Bot.Installation;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Roles;

/// <summary>
/// The person who adds the app to a team becomes its first leader (in Teams, by default only team owners can add
/// apps), so somebody can open the settings at once. More roles are granted from there.
/// </summary>
public sealed class RolesSetup(RoleRepository roles) : IInstallationListener
{
    public async Task OnInstalledAsync(StoredConversation conversation, Installer installer, CancellationToken ct)
    {
        if (conversation.TeamId is null || string.IsNullOrEmpty(installer.AadObjectId)) return;
        await roles.GrantAsync(conversation.TenantId, conversation.TeamId, installer.AadObjectId, Role.Leader, ct, installer.UserId);
    }
}
