using System.Text.Json.Nodes;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Handover;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;

namespace CareCompanion.Tests.Handover;

/// <summary>The handover card for the card catalog: a busy team at its caps with long titles, and a team with nothing going on.</summary>
public static class HandoverSamples
{
    private static readonly DateTimeOffset Now = new(2026, 12, 11, 11, 0, 0, TimeSpan.Zero);

    public static IEnumerable<(string Name, JsonObject Card)> All(Language language)
    {
        yield return ("handover-new-leader", HandoverCard.Build(Busy(), language, newLeader: true));
        yield return ("handover-empty", HandoverCard.Build(new HandoverView("Heimetenesta sone nord", [], [], null, [], []), language, newLeader: false));
    }

    public static HandoverView Busy() => new("Avdeling 2, Solheim sjukeheim",
        [.. Enumerable.Range(0, 40).Select(i => new HandoverIdea($"Idé {i}: fast tid til overlapp før kveldsvakta " + new string('o', 80), i % 3 == 0 ? "considering" : "new", 90 - i))],
        [.. Enumerable.Range(0, 9).Select(i => new GoalView
        {
            GoalId = $"g{i}", TeamId = "19:sample@thread.tacv2", TeamName = "Avdeling 2, Solheim sjukeheim", Title = $"Mål {i}: alle nyansatte får fadder første uke " + new string('m', 60),
            Deadline = new DateOnly(2026, 12, 8), DaysLeft = i - 3, CheckIns = 2,
            Latest = new CheckInView("atrisk", "Mangler faddere på helg", "time", "Ola", Now.AddDays(-9)),
        })],
        new HandoverCircle("Overlapp mellom vaktene " + new string('t', 60), "create"),
        [
            new HandoverResult(50, QuestionLibrary.Find("R1")!, 3.6, 14),
            new HandoverResult(49, QuestionLibrary.Find("R2")!, null, 9),
            new HandoverResult(48, QuestionLibrary.Find("A8")!, 4.1, 11),
            new HandoverResult(47, QuestionLibrary.Find("A12")!, 2.9, 12),
        ],
        [new HmsMemberView("Ola Leder", "leader", true), new HmsMemberView("Siri Tillitsvalgt", "tillitsvalgt", true), new HmsMemberView("Per Verneombud", "verneombud", false)]);
}
