using CareCompanion.Storage.Conversations;

namespace CareCompanion.Bot.Installation;

/// <summary>A feature that sets itself up when the bot is installed somewhere (the pulse schedules its first round).</summary>
public interface IInstallationListener
{
    Task OnInstalledAsync(StoredConversation conversation, Installer installer, CancellationToken ct);
}

/// <summary>Who added the app: their Entra object id and Teams user id, as the install activity names them.</summary>
public sealed record Installer(string? AadObjectId, string? UserId);
