namespace CareCompanion.Cards.Pulse;

/// <summary>One round of an anchor question that reached its threshold: its ISO week ("2026-W49") and mean (1–5).</summary>
public sealed record AnchorPoint(string Week, double Mean, int Answers);

/// <summary>An anchor question's rounds over time, oldest first; rounds below their threshold are not among them.</summary>
public sealed record AnchorTrend(Question Question, IReadOnlyList<AnchorPoint> Points)
{
    /// <summary>"2026-W49" → 49.</summary>
    public static int WeekNumber(string week) => int.TryParse(week[(week.IndexOf('W') + 1)..], out var n) ? n : 0;
}
