namespace CareCompanion.Storage.Conversations;

/// <summary>
/// What the bot needs to message a conversation later (proactively): its ids, the connector's service URL and
/// the language people there read. Free of Bot Framework types on purpose: storage outlives the Bot Framework SDK (README, Design notes).
/// </summary>
public sealed record StoredConversation
{
    public required string TenantId { get; init; }
    public required string ConversationId { get; init; }
    public required string Scope { get; init; }
    public required string ServiceUrl { get; init; }
    public required string BotId { get; init; }
    public string? TeamId { get; init; }
    public string? ChannelId { get; init; }
    /// <summary>The team's name as Teams gave it at install (shown when a person picks a team).</summary>
    public string? TeamName { get; init; }
    /// <summary>The person's id in a personal chat; null in channels and group chats.</summary>
    public string? UserId { get; init; }
    public string? UserAadObjectId { get; init; }
    public string? Locale { get; init; }
    public bool Active { get; init; } = true;
    public DateTimeOffset? InstalledAt { get; init; }
    public DateTimeOffset? RemovedAt { get; init; }
}
