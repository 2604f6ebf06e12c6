using System.Text.Json.Serialization;
using CareCompanion.Storage.TeamRecords;

namespace CareCompanion.Storage.Ideas;

/// <summary>
/// An improvement idea for one team, with everything that happened to it. The submitter's ids are kept so they can
/// be told what happened and can see and delete their ideas; for an anonymous idea no card ever shows them.
/// </summary>
public sealed record Idea : TeamRecord
{
    public required string IdeaId { get; init; }
    /// <summary>The team's name when the idea was sent, for lists across teams.</summary>
    public string? TeamName { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public required string Category { get; init; }
    public string Status { get; init; } = IdeaStatus.New;
    public bool Anonymous { get; init; }
    /// <summary>Null once the submitter asked to be forgotten or retention removed it.</summary>
    public string? SubmitterAadObjectId { get; init; }
    public string? SubmitterUserId { get; init; }
    /// <summary>The name shown on the card; null for anonymous ideas.</summary>
    public string? SubmitterName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset StatusChangedAt { get; init; }
    public IReadOnlyList<IdeaDecision> History { get; init; } = [];
    public IReadOnlyList<IdeaComment> Comments { get; init; } = [];
    /// <summary>Entra object ids of colleagues who support the idea: one vote each.</summary>
    public IReadOnlyList<string> Supporters { get; init; } = [];
    /// <summary>Shared with the tenant's other teams after it was implemented.</summary>
    public bool Shared { get; init; }
    /// <summary>"Did it work?" 60 days after it was implemented: one answer (yes/partly/no) per person's Entra id.</summary>
    public IReadOnlyDictionary<string, string> FollowUp { get; init; } = new Dictionary<string, string>();
    /// <summary>The improvement circle whose pick this idea is, and its topic (shown on the card).</summary>
    public string? CircleId { get; init; }
    public string? CircleTopic { get; init; }
    [JsonIgnore]
    public override string RecordId => IdeaId;

    public IdeaDecision? LastDecision => History.Count == 0 ? null : History[^1];
}

/// <summary>A leader's decision: the new status, why, who and when.</summary>
public sealed record IdeaDecision(string Status, string Reason, string ByAadObjectId, string ByName, DateTimeOffset At);

public sealed record IdeaComment(string AuthorAadObjectId, string AuthorName, string Text, DateTimeOffset At);
