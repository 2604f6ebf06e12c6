using System.Text.Json.Serialization;
using CareCompanion.Storage.TeamRecords;

namespace CareCompanion.Storage.Pulse;

/// <summary>
/// A reflection meeting posted with "tema": its theme (the week's question), and the follow-up written after it — a
/// short summary and actions — stored without who wrote it. Actions still open when the next "tema" is posted move
/// to that meeting, so the next card starts with them.
/// </summary>
public sealed record Meeting : TeamRecord
{
    public required string MeetingId { get; init; }
    public required string QuestionId { get; init; }
    public required DateTimeOffset PostedAt { get; init; }
    /// <summary>The meeting whose open actions this one took over, if any.</summary>
    public string? CarriedFrom { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<MeetingAction> Actions { get; init; } = [];

    [JsonIgnore]
    public override string RecordId => MeetingId;

    public MeetingAction? Action(int no) => Actions.FirstOrDefault(a => a.No == no);

    public int NextNo => Actions.Count == 0 ? 1 : Actions.Max(a => a.No) + 1;

    /// <summary>This meeting with action <paramref name="no"/> changed, if it is still open; null otherwise.</summary>
    public Meeting? WithOpen(int no, Func<MeetingAction, MeetingAction> change) =>
        Action(no) is { Open: true } ? this with { Actions = [.. Actions.Select(a => a.No == no ? change(a) : a)] } : null;
}

/// <summary>
/// One action: open until it becomes an idea or a goal, is marked done, or moves on to the next meeting.
/// <see cref="CarriedFromNo"/> is its number in the meeting it came from.
/// </summary>
public sealed record MeetingAction(int No, string Text)
{
    public int? CarriedFromNo { get; init; }
    public string? IdeaId { get; init; }
    public string? GoalId { get; init; }
    public bool Done { get; init; }
    public string? MovedTo { get; init; }

    [JsonIgnore]
    public bool Open => IdeaId is null && GoalId is null && !Done && MovedTo is null;
}
