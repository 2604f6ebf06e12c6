namespace CareCompanion.Storage.Conversations;

/// <summary>Where the bot is installed: matches Teams' conversationType values.</summary>
public static class ConversationScope
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}
