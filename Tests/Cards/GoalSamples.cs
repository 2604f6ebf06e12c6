using System.Text.Json.Nodes;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;

namespace CareCompanion.Tests.Cards;

/// <summary>Realistic goal cards for <see cref="CardCatalog"/>.</summary>
internal static class GoalSamples
{
    public static IEnumerable<(string Name, JsonObject Card)> All(Language language)
    {
        var t = Texts.For(language);
        var goal = new GoalView
        {
            GoalId = "g1", TeamId = "19:a@thread.tacv2", TeamName = "Avdeling 2, Solheim sjukeheim",
            Title = "Alle nyansatte får fadder første uke",
            Success = "Ved neste nyansettelse har den nye en fast fadder på hver vakt den første uka, og sier i evalueringen at det hjalp.",
            Owners = "Kari (fagutvikler) og nattevakta", Deadline = new DateOnly(2027, 1, 29), DaysLeft = 12, CheckIns = 3,
            Latest = new CheckInView("atrisk", "Vi mangler faddere på helg.", "time", "Ola", new DateTimeOffset(2027, 1, 14, 9, 0, 0, TimeSpan.Zero)),
            IdeaTitle = "Fadderordning for nyansatte",
        };
        yield return ("goal", GoalCards.Goal(goal, language));
        yield return ("goal-new", GoalCards.Goal(goal with { CheckIns = 0, Latest = null, IdeaTitle = null }, language, t["goal.created"]));
        yield return ("goal-from-circle", GoalCards.Goal(goal with { IdeaTitle = null, Success = "", CircleTopic = "Overlapp mellom vaktene" }, language));
        yield return ("goal-nudge-7", GoalCards.Goal(goal with { DaysLeft = 7 }, language, t["goal.nudge.7"]));
        yield return ("goal-overdue", GoalCards.Goal(goal with { DaysLeft = -3 }, language, t.Format("goal.overdueNotice", 3)));
        yield return ("goal-closed", GoalCards.Goal(goal with { Closed = true, Latest = goal.Latest! with { Status = "done", Blocker = null } }, language));
        yield return ("goal-form", GoalFormCard.Build(language, "19:a@thread.tacv2", new GoalDraft(Start: new DateOnly(2026, 12, 1)),
            [("i1", "Fadderordning for nyansatte"), ("i2", "Fast tid til overlapp")]));
        yield return ("goal-list", GoalCards.List(t["goal.list.mine"], [goal with { DaysLeft = -2 }, goal, goal with { Closed = true }], language, t["goal.list.empty"]));
    }
}
