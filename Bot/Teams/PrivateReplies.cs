using CareCompanion.Bot.Delivery;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Delivery;
using Newtonsoft.Json;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// Answers that are the person's own business (their data, their ideas, their digest, the delete confirmation) go to
/// their personal chat even when asked for in a channel or group chat, where everyone would see them.
/// </summary>
public sealed class PrivateReplies(PersonalChats chats, ProactiveSender sender)
{
    public const string JobId = "private-reply";

    /// <summary>Whether the turn is somewhere others read along.</summary>
    public static bool IsShared(Turn turn) => turn.Conversation is not { Scope: ConversationScope.Personal };

    /// <summary>Sends the reply to the person's personal chat (opened if need be); false when it could not be.</summary>
    public async Task<bool> SendAsync(Turn turn, Reply reply, CancellationToken ct)
    {
        if (turn.Conversation is not { } here || turn.PersonId is not { } person) return false;
        if (await chats.GetOrCreateAsync(here, person, turn.UserId, ct) is not { } chat) return false;
        foreach (var activity in TeamsReplies.Messages(reply))
        {
            var outcome = await sender.SendAsync(new DeliveryMessage
            {
                JobId = JobId, TenantId = chat.TenantId, ConversationId = chat.ConversationId, ServiceUrl = chat.ServiceUrl, BotId = chat.BotId,
                ActivityJson = JsonConvert.SerializeObject(activity),
            }, ct);
            if (outcome.Result != SendResult.Sent) return false;
        }
        return true;
    }
}
