using CareCompanion.Storage.Goals;

namespace CareCompanion.Bot.Goals;

/// <summary>What goals hold about a person (for "mine data") and how it is forgotten ("slett mine data").</summary>
public static class GoalPersonalData
{
    public static object Export(IEnumerable<Goal> goals, string person)
    {
        var list = goals.ToList();
        return new
        {
            set = list.Where(g => g.CreatedByAadObjectId == person).Select(g => new { g.Title, g.Deadline, g.Closed, g.CreatedAt }),
            checkIns = list.SelectMany(g => g.CheckIns.Where(c => c.ByAadObjectId == person).Select(c => new { goal = g.Title, c.Status, c.Note, c.Blocker, c.At })),
            closedOrRedated = list.SelectMany(g => g.Changes.Where(c => c.ByAadObjectId == person).Select(c => new { goal = g.Title, c.Kind, c.Reason, c.At })),
        };
    }

    /// <summary>The goal without the person's ids and name (what was said and decided stays), or null if it held nothing of them.</summary>
    public static Goal? Forget(Goal goal, string person)
    {
        var involved = goal.CreatedByAadObjectId == person || goal.CheckIns.Any(c => c.ByAadObjectId == person) || goal.Changes.Any(c => c.ByAadObjectId == person);
        if (!involved) return null;
        return goal with
        {
            CreatedByAadObjectId = goal.CreatedByAadObjectId == person ? "" : goal.CreatedByAadObjectId,
            CreatedByUserId = goal.CreatedByAadObjectId == person ? null : goal.CreatedByUserId,
            CreatedByName = goal.CreatedByAadObjectId == person ? "–" : goal.CreatedByName,
            CheckIns = [.. goal.CheckIns.Select(c => c.ByAadObjectId == person ? c with { ByAadObjectId = "", ByName = "–" } : c)],
            Changes = [.. goal.Changes.Select(c => c.ByAadObjectId == person ? c with { ByAadObjectId = "", ByName = "–" } : c)],
        };
    }
}
