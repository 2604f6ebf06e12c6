using System.Text.Json.Serialization;
using CareCompanion.Storage.TeamRecords;

namespace CareCompanion.Storage.Hms;

/// <summary>
/// An improvement circle ("Oss og vårt") for one team and topic: four phases, each with a staff workshop and a
/// worksheet passed on as the baton; in the third phase a light vote picks one proposal, in the fourth it is tried.
/// </summary>
public sealed record Circle : TeamRecord
{
    public required string CircleId { get; init; }
    public required string Topic { get; init; }
    /// <summary>The team whose HMS group runs the circle (where the group is stored).</summary>
    public required string GroupTeamId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>The phase now being prepared or held; <see cref="CirclePhases.Done"/> after the last worksheet.</summary>
    public int Phase { get; init; }
    public IReadOnlyList<CirclePhase> Phases { get; init; } = [];
    /// <summary>
    /// One vote per person in "Skape": keyed by an HMAC of the circle and the person with the app's secret (not the
    /// person's id), so the count is exact and a storage reader cannot see who voted for what.
    /// </summary>
    public IReadOnlyDictionary<string, int> Votes { get; init; } = new Dictionary<string, int>();
    /// <summary>The proposal the vote picked, fixed when the "Teste" workshop opens.</summary>
    public string? Picked { get; init; }
    /// <summary>What the group made of the pick in "Teste": a goal or an idea being tried out, never both.</summary>
    public string? GoalId { get; init; }
    public string? IdeaId { get; init; }

    [JsonIgnore]
    public override string RecordId => CircleId;

    public bool Active => Phase < CirclePhases.Done;

    public CirclePhase? PhaseOf(int phase) => Phases.FirstOrDefault(p => p.Phase == phase);

    /// <summary>The last worksheet written before <paramref name="phase"/>: the baton its workshop opens with.</summary>
    public CirclePhase? BatonBefore(int phase) => Phases.Where(p => p.Phase < phase && p.CameUp is not null).MaxBy(p => p.Phase);

    /// <summary>Votes per proposal of the "Skape" worksheet, in its order.</summary>
    public IReadOnlyList<int> VoteCounts() =>
        [.. (PhaseOf(CirclePhases.Create)?.Proposals ?? []).Select((_, i) => Votes.Values.Count(v => v == i))];

    /// <summary>The proposal with most votes (the first written on a tie), or null without votes.</summary>
    public string? Leading()
    {
        var counts = VoteCounts();
        if (counts.Count == 0 || counts.Max() == 0) return null;
        return PhaseOf(CirclePhases.Create)!.Proposals[counts.ToList().IndexOf(counts.Max())];
    }
}

/// <summary>One phase: when its workshop is (team-local moment), and the worksheet with the inputs added to it.</summary>
public sealed record CirclePhase(int Phase)
{
    public DateTimeOffset? WorkshopAt { get; init; }
    /// <summary>Goes up each time the workshop is moved, so a job for the old time stays silent.</summary>
    public int Version { get; init; }
    public string? CameUp { get; init; }
    public IReadOnlyList<string> Proposals { get; init; } = [];
    public IReadOnlyList<CircleInput> Inputs { get; init; } = [];
}

/// <summary>A colleague's input on the baton; an anonymous one is stored without any author.</summary>
public sealed record CircleInput(string Text, string? ByAadObjectId, string? ByName, DateTimeOffset At);

public static class CirclePhases
{
    public const int Explore = 0;
    public const int Deepen = 1;
    public const int Create = 2;
    public const int Test = 3;
    public const int Done = 4;

    /// <summary>The phases' text keys: Utforske, Utdype, Skape, Teste.</summary>
    public static readonly IReadOnlyList<string> Names = ["explore", "deepen", "create", "test"];
}
