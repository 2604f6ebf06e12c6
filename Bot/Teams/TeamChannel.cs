using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Teams;

/// <summary>The team's channel as a conversation to deliver to, and the language the bot posts in there.</summary>
public static class TeamChannel
{
    public static StoredConversation Of(Team team) => new()
    {
        TenantId = team.TenantId,
        ConversationId = team.ConversationId,
        Scope = ConversationScope.Channel,
        ServiceUrl = team.ServiceUrl,
        BotId = team.BotId,
        TeamId = team.TeamId,
        TeamName = team.Name,
        Locale = team.Locale,
    };

    public static Language LanguageOf(Team team) => LanguageResolver.FromLocale(team.Locale);

    /// <summary>The team as it is installed in this channel conversation.</summary>
    public static Team From(StoredConversation channel, string? aadGroupId) => new()
    {
        TenantId = channel.TenantId,
        TeamId = channel.TeamId!,
        Name = channel.TeamName,
        AadGroupId = aadGroupId,
        ConversationId = channel.ConversationId,
        ServiceUrl = channel.ServiceUrl,
        BotId = channel.BotId,
        Locale = channel.Locale,
    };
}
