using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Ideas;

namespace CareCompanion.Bot.Ideas;

/// <summary>What cards show of a stored idea: never the ids of the people behind it, nor an anonymous submitter's name.</summary>
public static class IdeaViews
{
    /// <summary>The idea; <paramref name="withLeaderAnswer"/> adds the leader's choices (the server still checks the role).</summary>
    public static IdeaView Of(Idea idea, bool withLeaderAnswer = true) => Of(IdeaSummary.Of(idea)) with
    {
        CommentCount = idea.Comments.Count,
        LatestComments = [.. idea.Comments.TakeLast(3).Select(c => (c.AuthorName, c.Text))],
        LastDecision = idea.LastDecision is { } d ? Decision(d) : null,
        NextStatuses = withLeaderAnswer ? IdeaStatus.Next(idea.Status) : [],
        CanShare = withLeaderAnswer && idea.Status == IdeaStatus.Implemented && !idea.Shared,
        CircleTopic = idea.CircleTopic,
    };

    /// <summary>A search result: what the summary columns hold (no comments or decisions).</summary>
    public static IdeaView Of(IdeaSummary idea) => new()
    {
        IdeaId = idea.IdeaId,
        TeamId = idea.TeamId,
        TeamName = idea.TeamName,
        Title = idea.Title,
        Description = idea.Description,
        Category = idea.Category,
        Status = idea.Status,
        SubmitterName = idea.ShownName,
        CreatedAt = idea.CreatedAt,
        Supporters = idea.Supporters,
    };

    /// <summary>"Did it work?" answers counted by kind (yes/partly/no).</summary>
    public static IReadOnlyDictionary<string, int> FollowUpCounts(Idea idea) =>
        idea.FollowUp.Values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());

    public static DecisionView Decision(IdeaDecision d) => new(d.Status, d.Reason, d.ByName, d.At);
}
