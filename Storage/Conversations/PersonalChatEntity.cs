using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Conversations;

/// <summary>
/// Which personal chat reaches a person: PartitionKey = tenant id, RowKey = the person's Entra object id (encoded); the
/// chat's conversation id. Finding it is one point read, where a scan of the tenant's conversations would read every
/// member's chat for every member prompted on a Monday.
/// </summary>
internal sealed class PersonalChatEntity : ITableEntity
{
    /// <summary>A row in its own partition saying every personal chat stored before the pointers existed has one.</summary>
    public const string MarkerPartition = "_";
    public const string MarkerRow = "backfilled";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ConversationId { get; set; } = "";

    public static PersonalChatEntity For(string tenantId, string userAadObjectId, string conversationId) => new()
    {
        PartitionKey = KeyEncoding.Encode(tenantId),
        RowKey = KeyEncoding.Encode(userAadObjectId),
        ConversationId = conversationId,
    };
}
