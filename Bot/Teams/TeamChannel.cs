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
        Locale = LocaleOf(team),
    };

    /// <summary>The language of everything the bot posts in the team's channels: the one its leaders chose, else the installer's.</summary>
    public static Language LanguageOf(Team team) => LanguageResolver.FromLocale(LocaleOf(team));

    /// <summary>The team's locale for delivery: the chosen language's ("nn-NO"), else the installer's.</summary>
    private static string? LocaleOf(Team team) => team.Language switch
    {
        "nb" => "nb-NO",
        "nn" => "nn-NO",
        "en" => "en-GB",
        _ => team.Locale,
    };

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
