namespace CareCompanion.Cards.Goals;

/// <summary>The verbs, payloads and limits of the goal cards, shared by the cards and the bot's handlers.</summary>
public static class GoalVerbs
{
    public const string Create = "goal.create";
    public const string CheckIn = "goal.checkin";
    public const string Close = "goal.close";
    public const string Redate = "goal.redate";

    public const int MaxTitle = 120;
    public const int MaxSuccess = 500;
    public const int MaxOwners = 120;
    public const int MaxNote = 300;
    public const int MaxReason = 300;
}

/// <summary>Which goal a button is about, as the card says: to be checked, never trusted.</summary>
public sealed record GoalRef(string Team, string Goal);

/// <summary>The goal form's inputs; dates as the card's date input sends them (yyyy-MM-dd).</summary>
public sealed record GoalFormPayload(string Team, string? Title = null, string? Success = null, string? Owners = null, string? Start = null,
    string? Deadline = null, string? Cadence = null, string? Idea = null);

/// <summary>A check-in on the goal card: status, a note, what is in the way.</summary>
public sealed record GoalCheckInPayload(string Team, string Goal, string? Status = null, string? Note = null, string? Blocker = null);

/// <summary>A coach closes or re-dates a goal, with a reason (and the new deadline).</summary>
public sealed record GoalChangePayload(string Team, string Goal, string? Reason = null, string? NewDeadline = null);
