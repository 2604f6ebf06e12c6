namespace CareCompanion.Cards.Ideas;

/// <summary>What a card shows of an idea. <see cref="SubmitterName"/> is null for anonymous ideas.</summary>
public sealed record IdeaView
{
    public required string IdeaId { get; init; }
    public required string TeamId { get; init; }
    public string? TeamName { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public required string Category { get; init; }
    public required string Status { get; init; }
    public string? SubmitterName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public int Supporters { get; init; }
    public int CommentCount { get; init; }
    /// <summary>The newest comments, oldest of them first: (author, text).</summary>
    public IReadOnlyList<(string Author, string Text)> LatestComments { get; init; } = [];
    public DecisionView? LastDecision { get; init; }
    /// <summary>The statuses a leader can choose next; empty hides the leader's answer section.</summary>
    public IReadOnlyList<string> NextStatuses { get; init; } = [];
    /// <summary>Implemented and not yet shared: a leader may share it with the tenant's other teams.</summary>
    public bool CanShare { get; init; }
    /// <summary>The topic of the improvement circle the idea came from.</summary>
    public string? CircleTopic { get; init; }
}

public sealed record DecisionView(string Status, string Reason, string ByName, DateTimeOffset At);

/// <summary>A team a person may send an idea to.</summary>
public sealed record TeamChoice(string TeamId, string Name);
