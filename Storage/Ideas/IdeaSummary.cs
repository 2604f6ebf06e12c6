namespace CareCompanion.Storage.Ideas;

/// <summary>An idea as search results show it. <see cref="ShownName"/> is null for anonymous ideas.</summary>
public sealed record IdeaSummary(string TenantId, string TeamId, string IdeaId, string Title, string Description, string Category, string Status,
    string? TeamName, string? ShownName, DateTimeOffset CreatedAt, int Supporters);
