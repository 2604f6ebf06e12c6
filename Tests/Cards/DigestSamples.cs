using System.Text.Json.Nodes;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;

namespace CareCompanion.Tests.Cards;

/// <summary>Realistic digests for <see cref="CardCatalog"/>, and the largest one: a leader of 20 teams with 500 new ideas.</summary>
public static class DigestSamples
{
    private static readonly DateTimeOffset Now = new(2026, 12, 11, 11, 0, 0, TimeSpan.Zero);

    public static IEnumerable<(string Name, JsonObject Card)> All(Language language)
    {
        yield return ("digest", DigestCard.Build(Realistic(leads: true), language));
        yield return ("digest-partner-role", DigestCard.Build(Realistic(leads: false), language, weekly: false));
        yield return ("digest-empty", DigestCard.Build(new DigestView(Now.AddDays(-7), [], []), language));
        yield return ("digest-20-teams-500-ideas", DigestCard.Build(Largest(), language));
    }

    public static DigestView Largest() => new(Now.AddDays(-7),
        [.. Enumerable.Range(0, 500).Select(i => Item($"Idé {i}: " + new string('o', 110), $"Team {i % 20}: " + new string('t', 60), i % 30, leads: true))],
        [.. Enumerable.Range(0, 20).Select(i => new DigestPulse($"Team {i}: " + new string('t', 60), QuestionLibrary.All[i], 3.4, 12))]);

    private static DigestView Realistic(bool leads) => new DigestView(Now.AddDays(-7),
    [
        Item("Sjekkliste ved innkomst av nye beboere", "Avdeling 2, Solheim sjukeheim", 21, leads, supporters: 6),
        Item("Fast tid til overlapp før kveldsvakta", "Avdeling 2, Solheim sjukeheim", 4, leads, supporters: 3),
        Item("Felles *kjøreliste* på nettbrett [test]", "Heimetenesta sone nord", 2, leads),
    ],
    [
        new DigestPulse("Avdeling 2, Solheim sjukeheim", QuestionLibrary.Find("R1")!, 3.6, 14),
        new DigestPulse("Heimetenesta sone nord", QuestionLibrary.Find("R2")!, null, 9),
    ])
    {
        Goals =
        [
            new DigestGoal(new GoalView
            {
                GoalId = "g1", TeamId = "19:sample@thread.tacv2", TeamName = "Avdeling 2, Solheim sjukeheim", Title = "Alle nyansatte får fadder første uke",
                Deadline = new DateOnly(2026, 12, 8), DaysLeft = -3, CheckIns = 2,
                Latest = new CheckInView("atrisk", "Mangler faddere på helg", "time", "Ola", Now.AddDays(-9)),
            }, leads),
        ],
        ForLeader = leads ? QuestionLibrary.Find("LS4") : null,
    };

    private static DigestIdea Item(string title, string team, int age, bool leads, int supporters = 0) => new(new IdeaView
    {
        IdeaId = $"sample{age}x{title.Length}", TeamId = "19:sample@thread.tacv2", TeamName = team, Title = title,
        Category = "workflow", Status = "new", CreatedAt = Now.AddDays(-age), Supporters = supporters,
        NextStatuses = leads ? ["considering", "trying", "implemented", "notpursued"] : [],
    }, age, age >= 14);
}
