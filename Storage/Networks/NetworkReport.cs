namespace CareCompanion.Storage.Networks;

/// <summary>
/// A member team's status before a network meeting: what we tried, what happened, what next, what we want help with.
/// Anyone in the team fills it in; it reaches the network only when the team's leader sends it.
/// </summary>
public sealed record NetworkReport
{
    public required string NetworkId { get; init; }
    public required DateOnly Meeting { get; init; }
    public required string TenantId { get; init; }
    public required string TeamId { get; init; }
    public required string TeamName { get; init; }
    public string Tried { get; init; } = "";
    public string Happened { get; init; } = "";
    public string Next { get; init; } = "";
    public string HelpWanted { get; init; } = "";
    public DateTimeOffset? SentAt { get; init; }
    public string? SentByAadObjectId { get; init; }
    public string? SentByUserId { get; init; }
    /// <summary>Who wrote in the card (for "bring it home": they took part).</summary>
    public IReadOnlyList<string> Writers { get; init; } = [];
}
