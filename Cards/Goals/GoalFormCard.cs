using System.Globalization;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Goals;

/// <summary>What the form holds: the coach's own words come back when something must be fixed.</summary>
public sealed record GoalDraft(string? Title = null, string? Success = null, string? Owners = null, DateOnly? Start = null, DateOnly? Deadline = null,
    string? Cadence = null, string? IdeaId = null);

/// <summary>"nytt mål" / "new goal": a coach or leader sets a goal for the team.</summary>
public static class GoalFormCard
{
    /// <summary>The "no idea" choice (a choice needs a value).</summary>
    public const string NoIdea = "none";

    public static JsonObject Build(Language language, string teamId, GoalDraft draft, IReadOnlyList<(string Id, string Title)> ideas, string? problem = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["goal.form.title"]) };
        if (problem is not null) body.Add(Text(problem, bold: true, color: "Attention"));
        body.Add(TextInput("title", t["goal.form.titleLabel"], GoalVerbs.MaxTitle, false, draft.Title, t["goal.error.title"]));
        body.Add(TextInput("success", t["goal.form.success"], GoalVerbs.MaxSuccess, true, draft.Success));
        body.Add(TextInput("owners", t["goal.form.owners"], GoalVerbs.MaxOwners, false, draft.Owners));
        body.Add(DateInput("start", t["goal.form.start"], draft.Start));
        body.Add(DateInput("deadline", t["goal.form.deadline"], draft.Deadline, t["goal.error.deadline"]));
        body.Add(ChoiceSet("cadence", t["goal.form.cadence"], new[] { "weekly", "biweekly", "none" }.Select(c => (t[$"goal.cadence.{c}"], c)), draft.Cadence ?? "weekly"));
        if (ideas.Count > 0)
        {
            body.Add(ChoiceSet("idea", t["goal.form.idea"], new[] { (t["goal.form.noIdea"], NoIdea) }.Concat(ideas.Select(i => (i.Title, i.Id))), draft.IdeaId ?? NoIdea));
        }
        return Card(body, [Execute(t["goal.form.create"], GoalVerbs.Create, new GoalFormPayload(teamId), style: "positive")]);
    }

    public static JsonObject DateInput(string id, string label, DateOnly? value, string? required = null)
    {
        var input = new JsonObject { ["type"] = "Input.Date", ["id"] = id, ["label"] = label };
        if (value is { } date) input["value"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (required is not null)
        {
            input["isRequired"] = true;
            input["errorMessage"] = required;
        }
        return input;
    }
}
