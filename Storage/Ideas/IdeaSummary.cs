namespace CareCompanion.Storage.Ideas;

/// <summary>An idea as search results show it. <see cref="ShownName"/> is null for anonymous ideas.</summary>
public sealed record IdeaSummary(string TenantId, string TeamId, string IdeaId, string Title, string Description, string Category, string Status,
    string? TeamName, string? ShownName, DateTimeOffset CreatedAt, int Supporters)
{
    /// <summary>What search shows of an idea; stored as columns beside its JSON. No name when it was sent anonymously.</summary>
    public static IdeaSummary Of(Idea idea) => new(idea.TenantId, idea.TeamId, idea.IdeaId, idea.Title, idea.Description, idea.Category,
        idea.Status, idea.TeamName, idea.Anonymous ? null : idea.SubmitterName, idea.CreatedAt, idea.Supporters.Count);
}
