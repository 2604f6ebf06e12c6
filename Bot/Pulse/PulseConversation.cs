using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Bot.Pulse;

public static class PulseConversation
{
    /// <summary>The team channel the pulse is posted in, as a conversation to deliver to.</summary>
    public static StoredConversation Of(PulseSettings settings) => new()
    {
        TenantId = settings.TenantId,
        ConversationId = settings.ConversationId,
        Scope = ConversationScope.Channel,
        ServiceUrl = settings.ServiceUrl,
        BotId = settings.BotId,
        TeamId = settings.TeamId,
        Locale = settings.Locale,
    };
}
