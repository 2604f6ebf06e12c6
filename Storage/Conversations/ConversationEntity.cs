using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Conversations;

/// <summary>Table row of a <see cref="StoredConversation"/>: PartitionKey = tenant id, RowKey = conversation id (encoded).</summary>
internal sealed class ConversationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ConversationId { get; set; } = "";
    public string Scope { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string BotId { get; set; } = "";
    public string? TeamId { get; set; }
    public string? ChannelId { get; set; }
    public string? TeamName { get; set; }
    public string? UserId { get; set; }
    public string? UserAadObjectId { get; set; }
    public string? Locale { get; set; }
    public bool Active { get; set; }
    public DateTimeOffset? InstalledAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }

    public static ConversationEntity From(StoredConversation c) => new()
    {
        PartitionKey = KeyEncoding.Encode(c.TenantId),
        RowKey = KeyEncoding.Encode(c.ConversationId),
        ConversationId = c.ConversationId,
        Scope = c.Scope,
        ServiceUrl = c.ServiceUrl,
        BotId = c.BotId,
        TeamId = c.TeamId,
        ChannelId = c.ChannelId,
        TeamName = c.TeamName,
        UserId = c.UserId,
        UserAadObjectId = c.UserAadObjectId,
        Locale = c.Locale,
        Active = c.Active,
        InstalledAt = c.InstalledAt,
        RemovedAt = c.RemovedAt,
    };

    public StoredConversation ToModel(string tenantId) => new()
    {
        TenantId = tenantId,
        ConversationId = ConversationId,
        Scope = Scope,
        ServiceUrl = ServiceUrl,
        BotId = BotId,
        TeamId = TeamId,
        ChannelId = ChannelId,
        TeamName = TeamName,
        UserId = UserId,
        UserAadObjectId = UserAadObjectId,
        Locale = Locale,
        Active = Active,
        InstalledAt = InstalledAt,
        RemovedAt = RemovedAt,
    };
}
