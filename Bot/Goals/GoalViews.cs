using CareCompanion.Cards.Goals;
using CareCompanion.Storage.Goals;

namespace CareCompanion.Bot.Goals;

public static class GoalViews
{
    public static GoalView Of(Goal goal, DateOnly today, string? teamName = null) => new()
    {
        GoalId = goal.GoalId,
        TeamId = goal.TeamId,
        TeamName = teamName,
        Title = goal.Title,
        Success = goal.Success,
        Owners = goal.Owners,
        Deadline = goal.Deadline,
        DaysLeft = goal.Deadline.DayNumber - today.DayNumber,
        Closed = goal.Closed,
        CheckIns = goal.CheckIns.Count,
        Latest = goal.Latest is { } c ? new CheckInView(c.Status, c.Note, c.Blocker, c.ByName, c.At) : null,
        IdeaTitle = goal.IdeaTitle,
        CircleTopic = goal.CircleTopic,
    };
}
