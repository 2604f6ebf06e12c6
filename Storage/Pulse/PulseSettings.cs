namespace CareCompanion.Storage.Pulse;

/// <summary>A team's weekly pulse: when it is asked, which themes, and the anonymity threshold (where the team lives is its <see cref="Teams.Team"/> row).</summary>
public sealed record PulseSettings
{
    public const int DefaultMinAnswers = 5;
    public const int LowestMinAnswers = 3;
    /// <summary>Comments say more than a number: they are shown from more answers (Viva Glint: 5 for scores, 10 for comments).</summary>
    public const int DefaultMinComments = 8;
    public const int LowestMinComments = 5;
    public const int DefaultAnchorEvery = 4;
    /// <summary>The team's own questions take turns with the library's; this many keeps the settings row far below Table Storage's 32K characters a property.</summary>
    public const int MaxTeamQuestions = 20;

    public required string TenantId { get; init; }
    public required string TeamId { get; init; }
    public DayOfWeek Day { get; init; } = DayOfWeek.Monday;
    public TimeOnly Time { get; init; } = new(10, 0);
    /// <summary>Empty means all themes.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];
    /// <summary>A full week by default, so every shift (weekends and nights too) sees the question.</summary>
    public int OpenDays { get; init; } = 7;
    /// <summary>Channel, personal chat or both (<see cref="PulseDelivery"/>).</summary>
    public string Delivery { get; init; } = PulseDelivery.Both;
    public int MinAnswers { get; init; } = DefaultMinAnswers;
    /// <summary>Answers needed (from people who do not see the results) before the leaders and coaches get the comments.</summary>
    public int MinComments { get; init; } = DefaultMinComments;
    /// <summary>The bot never posts outside these local hours.</summary>
    public TimeOnly QuietAfter { get; init; } = new(20, 0);
    public TimeOnly QuietBefore { get; init; } = new(8, 0);
    /// <summary>Library question ids already asked in this rotation.</summary>
    public IReadOnlyList<string> Asked { get; init; } = [];
    /// <summary>False while the app is removed from the team: no rounds are posted; installing it again turns it back on.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Every this many rounds, an anchor question instead of the rotation's (the same words each time, so it shows a trend).</summary>
    public int AnchorEvery { get; init; } = DefaultAnchorEvery;
    /// <summary>Rounds asked since the last anchor round.</summary>
    public int RoundsSinceAnchor { get; init; }
    /// <summary>The anchor asked last: the anchors take turns.</summary>
    public string? LastAnchor { get; init; }
    /// <summary>The team's own questions, asked before the library's.</summary>
    public IReadOnlyList<TeamQuestion> TeamQuestions { get; init; } = [];
}
