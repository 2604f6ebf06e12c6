using CareCompanion.Storage.Conversations;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace CareCompanion.Bot.Teams;

/// <summary>Reads tenant, team, channel and scope from a Teams activity.</summary>
public static class TeamsConversation
{
    public static string? TenantId(Activity activity) =>
        activity.Conversation?.TenantId is { Length: > 0 } id ? id : activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id;

    public static string? TeamId(Activity activity) => activity.GetChannelData<TeamsChannelData>()?.Team?.Id;

    /// <summary>The person of the activity as Teams signed it: their tenant and Entra object id, or null without either.</summary>
    public static (string TenantId, string AadObjectId)? Person(Activity activity) =>
        TenantId(activity) is { Length: > 0 } tenantId && activity.From?.AadObjectId is { Length: > 0 } aad ? (tenantId, aad) : null;

    /// <summary>
    /// The reference to store for this activity's conversation, or null when it names no tenant or a kind of
    /// conversation Teams did not say: taken for personal, others' chats could receive private replies.
    /// </summary>
    public static StoredConversation? ToStored(Activity activity)
    {
        var tenantId = TenantId(activity);
        if (string.IsNullOrEmpty(tenantId) || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return null;
        }
        var scope = activity.Conversation.ConversationType switch
        {
            "channel" => ConversationScope.Channel,
            "groupChat" => ConversationScope.GroupChat,
            "personal" => ConversationScope.Personal,
            _ => null,
        };
        if (scope is null) return null;
        var channelData = activity.GetChannelData<TeamsChannelData>();
        var personal = scope == ConversationScope.Personal;
        return new StoredConversation
        {
            TenantId = tenantId,
            ConversationId = conversationId,
            Scope = scope,
            ServiceUrl = activity.ServiceUrl,
            BotId = activity.Recipient?.Id ?? "",
            TeamId = channelData?.Team?.Id,
            ChannelId = channelData?.Channel?.Id,
            TeamName = channelData?.Team?.Name,
            UserId = personal ? activity.From?.Id : null,
            UserAadObjectId = personal ? activity.From?.AadObjectId : null,
            Locale = activity.Locale,
        };
    }
}
