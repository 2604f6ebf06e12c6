using CareCompanion.Storage.Ideas;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// What the ideas hold about a person (for "mine data"), and how it is forgotten ("slett mine data", retention).
/// An idea stays when its submitter is forgotten, as an anonymous idea: the team's work on it is not theirs alone.
/// </summary>
public static class IdeaPersonalData
{
    public static object Export(IReadOnlyList<Idea> tenantIdeas, string person) => new
    {
        submitted = tenantIdeas.Where(i => i.SubmitterAadObjectId == person)
            .Select(i => new { team = i.TeamName, i.Title, i.Description, i.Category, i.Status, i.Anonymous, i.CreatedAt }),
        comments = tenantIdeas.SelectMany(i => i.Comments.Where(c => c.AuthorAadObjectId == person).Select(c => new { idea = i.Title, c.Text, c.At })),
        supported = tenantIdeas.Where(i => i.Supporters.Contains(person)).Select(i => i.Title),
        followUpAnswers = tenantIdeas.Where(i => i.FollowUp.ContainsKey(person)).Select(i => new { idea = i.Title, answer = i.FollowUp[person] }),
        decisions = tenantIdeas.SelectMany(i => i.History.Where(d => d.ByAadObjectId == person).Select(d => new { idea = i.Title, d.Status, d.Reason, d.At })),
    };

    /// <summary>The idea without anything about <paramref name="person"/>, or null when it held nothing about them.</summary>
    public static Idea? Forget(Idea idea, string person)
    {
        var submitted = idea.SubmitterAadObjectId == person;
        var involved = submitted || idea.Supporters.Contains(person) || idea.FollowUp.ContainsKey(person)
            || idea.Comments.Any(c => c.AuthorAadObjectId == person) || idea.History.Any(d => d.ByAadObjectId == person);
        if (!involved) return null;
        var forgotten = idea with
        {
            Supporters = [.. idea.Supporters.Where(p => p != person)],
            FollowUp = idea.FollowUp.Where(f => f.Key != person).ToDictionary(),
            Comments = [.. idea.Comments.Where(c => c.AuthorAadObjectId != person)],
            // The decision stays (the team must know what was decided and why), without who made it.
            History = [.. idea.History.Select(d => d.ByAadObjectId == person ? d with { ByAadObjectId = "", ByName = "–" } : d)],
        };
        return submitted ? WithoutSubmitter(forgotten) : forgotten;
    }

    /// <summary>After the retention period a closed idea keeps what was proposed and decided, and nothing about who.</summary>
    public static Idea? Expire(Idea idea)
    {
        if (idea.SubmitterAadObjectId is null && idea.Comments.Count == 0 && idea.Supporters.Count == 0 && idea.FollowUp.Count == 0
            && idea.History.All(d => d.ByAadObjectId == "")) return null;
        return WithoutSubmitter(idea) with
        {
            Comments = [],
            Supporters = [],
            FollowUp = new Dictionary<string, string>(),
            History = [.. idea.History.Select(d => d with { ByAadObjectId = "", ByName = "–" })],
        };
    }

    private static Idea WithoutSubmitter(Idea idea) =>
        idea with { SubmitterAadObjectId = null, SubmitterUserId = null, SubmitterName = null, Anonymous = true };
}
