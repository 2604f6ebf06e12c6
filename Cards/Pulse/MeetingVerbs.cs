using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareCompanion.Cards.Pulse;

/// <summary>The verbs, payloads and limits of the reflection meeting's theme card and its follow-up.</summary>
public static class MeetingVerbs
{
    public const string FollowUp = "meeting.followUp";
    public const string ToIdea = "meeting.toIdea";
    public const string ToGoal = "meeting.toGoal";
    public const string Done = "meeting.done";

    public const int MaxSummary = 500;
    public const int MaxActionsInput = 600;
    public const int MaxAction = 120;
    public const int MaxNewActions = 5;
    /// <summary>Actions on one card, carried ones included: the card stays short and under Teams' size limit.</summary>
    public const int MaxActions = 10;
    public const int MaxOwners = 120;

    /// <summary>Each action's goal form has inputs of its own, named after the action's number.</summary>
    public static string OwnersInput(int action) => $"owners-{action}";

    public static string DeadlineInput(int action) => $"deadline-{action}";
}

/// <summary>The follow-up form: a short summary, and new actions one per line.</summary>
public sealed record MeetingFollowUpPayload(string Team, string Meeting, string? Summary = null, string? Actions = null);

/// <summary>An action on the card, by its number in the meeting.</summary>
public sealed record MeetingActionPayload(string Team, string Meeting, int Action);

/// <summary>An action made a goal: owners and deadline arrive under the action's own input ids.</summary>
public sealed record MeetingGoalPayload(string Team, string Meeting, int Action)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; init; }

    public string? Owners => Input(MeetingVerbs.OwnersInput(Action));

    public string? Deadline => Input(MeetingVerbs.DeadlineInput(Action));

    private string? Input(string key) =>
        Inputs?.TryGetValue(key, out var value) == true && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
