using CareCompanion.Storage.Conversations;

namespace CareCompanion.Bot.Installation;

/// <summary>A feature that sets itself up when the bot is installed somewhere (the pulse schedules its first round).</summary>
public interface IInstallationListener
{
    Task OnInstalledAsync(StoredConversation conversation, string? installerAadObjectId, CancellationToken ct);
}
