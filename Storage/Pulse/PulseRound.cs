namespace CareCompanion.Storage.Pulse;

/// <summary>One question asked to one team for a few days.</summary>
public sealed record PulseRound
{
    public required string TenantId { get; init; }
    public required string TeamId { get; init; }
    public required string RoundId { get; init; }
    public required string QuestionId { get; init; }
    /// <summary>The team's own question when that is what was asked (library questions are found by id).</summary>
    public TeamQuestion? OwnQuestion { get; init; }
    /// <summary>The team's time zone when the round opened: an answer needs neither the settings nor a second read.</summary>
    public string? TimeZone { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public required DateTimeOffset ClosesAt { get; init; }
    /// <summary>Only in rounds opened before answers were keyed with the app's secret; emptied when the round closes.</summary>
    public string? Salt { get; init; }
    /// <summary>The job that posted the question card: its delivery row holds the card's activity id.</summary>
    public required string PostJobId { get; init; }
    public required string ConversationId { get; init; }
    public int MinAnswers { get; init; } = PulseSettings.DefaultMinAnswers;
    public int MinComments { get; init; } = PulseSettings.DefaultMinComments;
    public bool Closed { get; init; }
    /// <summary>Set when the round closed and its answers were moved to random keys: nobody can link them to a person any more.</summary>
    public bool Unlinked { get; init; }
    /// <summary>Set when the round closes: how many answered (not counting those who see the results), and how many chose 1…5.</summary>
    public int? Answers { get; init; }
    public int[]? Distribution { get; init; }
    /// <summary>Set when the retention period passed and the answers (with their comments) were deleted.</summary>
    public bool AnswersDeleted { get; init; }
}

/// <summary>
/// One anonymous answer: no user id, only the value and the optional comment. <see cref="Viewer"/> marks an answer from
/// someone who sees the team's results: it is never counted toward them and is deleted when the round closes.
/// </summary>
public sealed record PulseAnswer(int? Value, string? Comment, bool Viewer = false);
