using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Welcome;
using CareCompanion.Storage.Conversations;
using Microsoft.Bot.Builder;

namespace CareCompanion.Bot.Installation;

/// <summary>Install: remember where the bot lives and say hello once. Uninstall: stop using that place.</summary>
public sealed class InstallationHandler(
    ConversationRepository conversations,
    IEnumerable<IInstallationListener> listeners,
    ILogger<InstallationHandler> logger)
{
    public async Task OnInstalledAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var stored = TeamsConversation.ToStored(activity);
        if (stored is null)
        {
            logger.LogWarning("Install activity in conversation {ConversationId} names no tenant; nothing stored.", activity.Conversation?.Id);
            return;
        }
        var firstTime = await conversations.ActivateAsync(stored, ct);
        logger.LogInformation("Installed in {Scope} {ConversationId} (tenant {TenantId}); welcome {Welcome}.",
            stored.Scope, stored.ConversationId, stored.TenantId, firstTime ? "sent" : "already sent");
        // Every install activity, not just the first: listeners are idempotent, and a retried install after a
        // failure here must still set the features up.
        foreach (var listener in listeners)
        {
            await listener.OnInstalledAsync(stored, new Installer(activity.From?.AadObjectId, activity.From?.Id), ct);
        }
        if (firstTime)
        {
            await SendWelcomeAsync(turnContext, ct);
        }
    }

    public async Task OnRemovedAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var tenantId = TeamsConversation.TenantId(activity);
        if (string.IsNullOrEmpty(tenantId))
        {
            return;
        }
        if (TeamsConversation.TeamId(activity) is { Length: > 0 } teamId)
        {
            await conversations.DeactivateTeamAsync(tenantId, teamId, ct);
        }
        await conversations.DeactivateAsync(tenantId, activity.Conversation.Id, ct);
        logger.LogInformation("Removed from conversation {ConversationId} (tenant {TenantId}).", activity.Conversation.Id, tenantId);
    }

    public static Task SendWelcomeAsync(ITurnContext turnContext, CancellationToken ct) =>
        turnContext.SendActivityAsync(CardMessage.From(WelcomeCard.Build(LanguageResolver.FromLocale(turnContext.Activity.Locale))), ct);
}
