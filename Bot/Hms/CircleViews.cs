using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Hms;

public static class CircleViews
{
    /// <summary>The circle at its current phase (the last one when done), with the baton that phase's workshop opens with.</summary>
    public static CircleView Of(Circle circle, Team? team, Language language)
    {
        var phase = Math.Min(circle.Phase, CirclePhases.Test);
        var at = circle.PhaseOf(phase)?.WorkshopAt;
        return new CircleView(circle.TeamId, circle.CircleId, team?.Name ?? "", circle.Topic, phase)
        {
            Baton = circle.BatonBefore(phase) is { } baton ? Sheet(circle, baton) : null,
            WorkshopAt = at is { } moment ? TeamCalendar.Describe(team?.TimeZone ?? Team.DefaultTimeZone, moment, language) : null,
            Picked = circle.Picked,
            IdeaCategories = IdeaCategory.All,
            MadeInto = circle.GoalId is not null ? "goal" : circle.IdeaId is not null ? "idea" : null,
        };
    }

    /// <summary>A phase's worksheet with its inputs; in "Skape" with the votes per proposal.</summary>
    public static WorksheetView Sheet(Circle circle, CirclePhase phase) =>
        new(phase.Phase, phase.CameUp ?? "", phase.Proposals, [.. phase.Inputs.Select(i => new InputView(i.Text, i.ByName))])
        {
            Votes = phase.Phase == CirclePhases.Create ? circle.VoteCounts() : null,
        };
}
