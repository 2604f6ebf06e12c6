namespace CareCompanion.Storage.Delivery;

/// <summary>
/// One message to one conversation, as it travels through the delivery queue. <see cref="ActivityJson"/> is the
/// Bot Framework activity to send (text and/or an Adaptive Card), rendered when the job was planned.
/// </summary>
public sealed record DeliveryMessage
{
    public required string JobId { get; init; }
    public required string TenantId { get; init; }
    public required string ConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    /// <summary>The bot's id in that conversation (from the stored reference).</summary>
    public required string BotId { get; init; }
    public required string ActivityJson { get; init; }
    /// <summary>When set, the message replaces this earlier activity (a card updated in place) instead of posting anew.</summary>
    public string? ReplaceActivityId { get; init; }
}

public static class DeliveryState
{
    public const string Sending = "Sending";
    public const string Sent = "Sent";
    public const string Failed = "Failed";
}

/// <summary>What became of one delivery: its state, why it failed, or the id Teams gave the sent activity.</summary>
public sealed record DeliveryRecord(string State, string? FailureReason, string? ActivityId, int Attempts = 0, string? LastOwner = null);
