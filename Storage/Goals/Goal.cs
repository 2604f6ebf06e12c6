using System.Text.Json.Serialization;
using CareCompanion.Storage.TeamRecords;

namespace CareCompanion.Storage.Goals;

/// <summary>
/// A coaching goal for a team: what success looks like, who owns it, when it is due, how often the team checks in,
/// and everything that happened to it. Dates are the team's local dates.
/// </summary>
public sealed record Goal : TeamRecord
{
    public required string GoalId { get; init; }
    public required string Title { get; init; }
    public string Success { get; init; } = "";
    /// <summary>Who in the team owns it, as the coach wrote it ("Kari og nattevakta").</summary>
    public string Owners { get; init; } = "";
    public required DateOnly Start { get; init; }
    public required DateOnly Deadline { get; init; }
    /// <summary>Goes up each time the goal is re-dated, so nudges planned for an old deadline stay silent.</summary>
    public int DeadlineVersion { get; init; }
    public string Cadence { get; init; } = GoalCadence.Weekly;
    public string? IdeaId { get; init; }
    /// <summary>The linked idea's title when the goal was set, shown on the goal card.</summary>
    public string? IdeaTitle { get; init; }
    /// <summary>The improvement circle whose pick this goal is, and its topic (shown on the card).</summary>
    public string? CircleId { get; init; }
    public string? CircleTopic { get; init; }
    public required string CreatedByAadObjectId { get; init; }
    public string? CreatedByUserId { get; init; }
    public string CreatedByName { get; init; } = "";
    public required DateTimeOffset CreatedAt { get; init; }
    public bool Closed { get; init; }
    public IReadOnlyList<GoalCheckIn> CheckIns { get; init; } = [];
    public IReadOnlyList<GoalChange> Changes { get; init; } = [];
    [JsonIgnore]
    public override string RecordId => GoalId;

    public GoalCheckIn? Latest => CheckIns.Count == 0 ? null : CheckIns[^1];
}

/// <summary>A check-in: on track / at risk / done, a short note, and what is in the way (the blockers the research names).</summary>
public sealed record GoalCheckIn(string Status, string Note, string? Blocker, string ByAadObjectId, string ByName, DateTimeOffset At);

/// <summary>Closing or re-dating, with why and by whom.</summary>
public sealed record GoalChange(string Kind, string Reason, DateOnly? NewDeadline, string ByAadObjectId, string ByName, DateTimeOffset At);

public static class GoalCadence
{
    public const string Weekly = "weekly";
    public const string Biweekly = "biweekly";
    public const string None = "none";
    public static readonly IReadOnlyList<string> All = [Weekly, Biweekly, None];

    public static int? Days(string cadence) => cadence switch { Weekly => 7, Biweekly => 14, _ => null };
}

public static class GoalStatus
{
    public const string OnTrack = "ontrack";
    public const string AtRisk = "atrisk";
    public const string Done = "done";
    public static readonly IReadOnlyList<string> All = [OnTrack, AtRisk, Done];
    public static readonly IReadOnlyList<string> Blockers = ["time", "plan", "information", "leadersupport"];
}
