using CareCompanion.Cards.Pulse;

namespace CareCompanion.Tests.Cards;

/// <summary>A year of anchor rounds for the samples: each anchor every 20 weeks, one round left out (below its threshold).</summary>
public static class PulseSamples
{
    public static IReadOnlyList<AnchorTrend> Anchors =>
    [
        new(QuestionLibrary.Find("K1")!, [new("2026-W04", 2.6, 12), new("2026-W24", 3.1, 11), new("2026-W44", 3.4, 13)]),
        new(QuestionLibrary.Find("K2")!, [new("2026-W08", 3.2, 10), new("2026-W48", 3.6, 12)]),
        new(QuestionLibrary.Find("K3")!, [new("2026-W12", 3.0, 9), new("2026-W32", 3.3, 12)]),
        new(QuestionLibrary.Find("K4")!, [new("2026-W16", 2.1, 12), new("2026-W36", 2.4, 10)]),
        new(QuestionLibrary.Find("K5")!, [new("2026-W20", 3.8, 11), new("2026-W40", 3.9, 12)]),
    ];
}
