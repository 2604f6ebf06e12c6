using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Installation;

/// <summary>A feature that sets itself up when the bot is installed somewhere (the pulse schedules its first round).</summary>
public interface IInstallationListener
{
    Task OnInstalledAsync(Installed installed, CancellationToken ct);

    /// <summary>The app was removed from the team: stop what would post there.</summary>
    Task OnRemovedFromTeamAsync(string tenantId, string teamId, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// Where the app was added (the conversation; for a team, the team as stored) and who added it: their Entra object id
/// and Teams user id, as the install activity names them.
/// </summary>
public sealed record Installed(StoredConversation Conversation, Team? Team, string? InstallerAadObjectId, string? InstallerUserId);
