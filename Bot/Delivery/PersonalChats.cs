using CareCompanion.Storage.Conversations;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Delivery;

/// <summary>
/// Finds the bot's personal chat with a person, or opens one through the connector's create-conversation call
/// (Teams allows it for users in a team where the app is installed), and remembers it.
/// </summary>
public sealed class PersonalChats(IBotFrameworkHttpAdapter adapter, ConversationRepository conversations, IConfiguration configuration,
    ILogger<PersonalChats> logger)
{
    private readonly CloudAdapter _adapter = (CloudAdapter)adapter;
    private readonly string _appId = configuration["MicrosoftAppId"] ?? "";

    /// <summary>The personal chat, or null when none exists and none could be opened (the person is told nothing then).</summary>
    public async Task<StoredConversation?> GetOrCreateAsync(StoredConversation team, string aadObjectId, string? teamsUserId, CancellationToken ct)
    {
        if (await conversations.FindPersonalAsync(team.TenantId, aadObjectId, ct) is { } existing) return existing;
        if (string.IsNullOrEmpty(teamsUserId)) return null;

        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount(team.BotId),
            Members = [new ChannelAccount(teamsUserId) { AadObjectId = aadObjectId }],
            TenantId = team.TenantId,
        };
        string? conversationId = null;
        try
        {
            await _adapter.CreateConversationAsync(_appId, Channels.Msteams, team.ServiceUrl, AuthenticationConstants.ToChannelFromBotOAuthScope,
                parameters, (turn, _) =>
                {
                    conversationId = turn.Activity.Conversation.Id;
                    return Task.CompletedTask;
                }, ct);
        }
        catch (Exception e) when (e is ErrorResponseException or HttpRequestException)
        {
            logger.LogWarning("Could not open a personal chat with {User} in tenant {Tenant}: {Reason}.", aadObjectId, team.TenantId, e.Message);
            return null;
        }
        if (conversationId is null) return null;
        var personal = new StoredConversation
        {
            TenantId = team.TenantId,
            ConversationId = conversationId,
            Scope = ConversationScope.Personal,
            ServiceUrl = team.ServiceUrl,
            BotId = team.BotId,
            UserId = teamsUserId,
            UserAadObjectId = aadObjectId,
            Locale = team.Locale,
        };
        await conversations.ActivateAsync(personal, ct);
        return personal;
    }
}
