namespace CareCompanion.Cards.Goals;

/// <summary>What a card shows of a goal. <see cref="DaysLeft"/> is negative once the deadline has passed.</summary>
public sealed record GoalView
{
    public required string GoalId { get; init; }
    public required string TeamId { get; init; }
    public string? TeamName { get; init; }
    public required string Title { get; init; }
    public string Success { get; init; } = "";
    public string Owners { get; init; } = "";
    public required DateOnly Deadline { get; init; }
    public required int DaysLeft { get; init; }
    public bool Closed { get; init; }
    public int CheckIns { get; init; }
    public CheckInView? Latest { get; init; }
    public string? IdeaTitle { get; init; }
    public string? CircleTopic { get; init; }
}

public sealed record CheckInView(string Status, string Note, string? Blocker, string ByName, DateTimeOffset At);
