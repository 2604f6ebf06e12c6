namespace CareCompanion.Bot.Goals;

public sealed class GoalOptions
{
    public const string Section = "Goals";

    /// <summary>Days before the deadline the team is reminded (0 = on the day).</summary>
    public int[] NudgeDaysBefore { get; set; } = [7, 1, 0];

    /// <summary>Team-local time of check-ins, nudges and overdue reminders.</summary>
    public TimeOnly Time { get; set; } = new(10, 0);
}
