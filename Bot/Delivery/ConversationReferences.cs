using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Delivery;

/// <summary>A Teams conversation the bot continues without a person's turn (to send, or to read a team's roster).</summary>
public static class ConversationReferences
{
    public static ConversationReference To(string serviceUrl, string botId, string conversationId, string tenantId) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Bot = new ChannelAccount(id: botId),
        Conversation = new ConversationAccount(id: conversationId, tenantId: tenantId),
    };
}
