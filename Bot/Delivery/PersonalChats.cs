using System.Text.Json.Nodes;
using CareCompanion.Bot.Languages;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Roles;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Delivery;

/// <summary>Someone to tell something in their personal chat: their Entra object id, and Teams user id to open the chat with.</summary>
public sealed record Recipient(string AadObjectId, string? UserId)
{
    public static Recipient Of(RoleHolder holder) => new(holder.AadObjectId, holder.UserId);
}

/// <summary>
/// Finds the bot's personal chat with a person, or opens one through the connector's create-conversation call
/// (Teams allows it for users in a team where the app is installed), and remembers it.
/// </summary>
public sealed class PersonalChats(IBotFrameworkHttpAdapter adapter, ConversationRepository conversations, PersonLanguages languages,
    TrustedServiceUrls trusted, IConfiguration configuration, ILogger<PersonalChats> logger)
{
    private readonly CloudAdapter _adapter = (CloudAdapter)adapter;
    private readonly string _appId = configuration["MicrosoftAppId"] ?? "";

    /// <summary>People whose chats are found or opened side by side.</summary>
    private const int PeopleAtOnce = 4;

    /// <summary>
    /// Plans a card for each person in their personal chat (opened through <paramref name="team"/>'s channel if need be),
    /// in the language the person chose, else the chat's (the team's when the chat has none). <paramref name="card"/> may skip a person (null);
    /// people who cannot be reached get nothing and are passed to <paramref name="unreachable"/>.
    /// </summary>
    public async Task<IReadOnlyList<PlannedMessage>> TellAsync(StoredConversation team, IEnumerable<Recipient> people, Func<Recipient, Texts, JsonObject?> card,
        CancellationToken ct, Action<Recipient>? unreachable = null)
    {
        var planned = new List<PlannedMessage>();
        // A few people at a time: one after another, a team of fifteen waited 45 round trips before its cards were queued.
        await Parallel.ForEachAsync(people.DistinctBy(p => p.AadObjectId), new ParallelOptions { MaxDegreeOfParallelism = PeopleAtOnce, CancellationToken = ct },
            async (person, token) =>
            {
                var chat = await GetOrCreateAsync(team, person.AadObjectId, person.UserId, token);
                var language = chat is null ? default : await LanguageOfAsync(team, person.AadObjectId, chat, token);
                lock (planned)
                {
                    if (chat is null) unreachable?.Invoke(person);
                    else if (card(person, Texts.For(language)) is { } content) planned.Add(new PlannedMessage(chat, CardMessage.From(content)));
                }
            });
        return planned;
    }

    /// <summary>The language to write to the person in: the one they chose, else their chat's, else the team's.</summary>
    public async Task<Language> LanguageOfAsync(StoredConversation team, string aadObjectId, StoredConversation chat, CancellationToken ct) =>
        await languages.OfAsync(team.TenantId, aadObjectId, chat.Locale ?? team.Locale, ct);

    /// <summary>The personal chat, or null when none exists and none could be opened (the person is told nothing then).</summary>
    public async Task<StoredConversation?> GetOrCreateAsync(StoredConversation team, string aadObjectId, string? teamsUserId, CancellationToken ct)
    {
        if (await conversations.FindPersonalAsync(team.TenantId, aadObjectId, ct) is { } existing) return existing;
        if (string.IsNullOrEmpty(teamsUserId)) return null;
        if (!trusted.Allows(team.ServiceUrl))
        {
            logger.LogWarning("Not opening a personal chat through an untrusted connector address ({Host}).", TrustedServiceUrls.HostOf(team.ServiceUrl));
            return null;
        }

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
