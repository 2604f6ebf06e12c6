using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Networks;

/// <summary>A practice card as a reader sees it: municipality and unit, never an anonymous submitter; a contact only if they chose to be named.</summary>
public sealed record PracticeView(string Where, string PracticeId, string Municipality, string Team, string What, string Why, string Result, string Lesson,
    string Theme, bool Finished, string? Contact, int Adoptions, string ScopeLabel);

/// <summary>Something the team can share as a practice card.</summary>
public sealed record PracticeSourceChoice(string Value, string Title);

/// <summary>"del praksis": the share form; and the practice card, in the channel and as a search result.</summary>
public static class PracticeCards
{
    public static JsonObject ShareForm(Language language, string teamId, IReadOnlyList<PracticeSourceChoice> sources,
        IReadOnlyList<(string Value, string Title)> scopes, PracticeSharePayload? draft = null, string? problem = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["practice.form.title"]) };
        if (problem is not null) body.Add(Text(problem, bold: true, color: "Attention"));
        if (sources.Count == 0) return Card([.. body, Text(t["practice.form.nothing"])]);
        body.Add(ChoiceSet("source", t["practice.form.source"], sources.Select(s => (s.Title, s.Value)), draft?.Source ?? sources[0].Value));
        body.Add(TextInput("what", t["practice.form.what"], PracticeVerbs.MaxWhat, value: draft?.What));
        body.Add(TextInput("why", t["practice.form.why"], PracticeVerbs.MaxText, true, draft?.Why));
        body.Add(TextInput("result", t["practice.form.result"], PracticeVerbs.MaxText, true, draft?.Result));
        body.Add(TextInput("lesson", t["practice.form.lesson"], PracticeVerbs.MaxText, true, draft?.Lesson));
        body.Add(ChoiceSet("theme", t["network.form.theme"], NetworkVerbs.Themes.Select(th => (t[$"network.theme.{th}"], th)), draft?.Theme ?? "other"));
        body.Add(ChoiceSet("stage", t["practice.form.stage"], [(t["practice.stage.wip"], "wip"), (t["practice.stage.finished"], "finished")], draft?.Stage ?? "wip"));
        body.Add(ChoiceSet("scope", t["practice.form.scope"], scopes, draft?.Scope ?? scopes[0].Value));
        body.Add(Text(t["practice.form.scopeMeans"], subtle: true));
        if (sources.Any(s => s.Value.StartsWith("circle:", StringComparison.Ordinal))) body.Add(Text(t["practice.form.circleFills"], subtle: true));
        body.Add(new JsonObject
        {
            ["type"] = "Input.Toggle", ["id"] = "contact", ["title"] = t["practice.form.contact"], ["value"] = draft?.Contact ?? "false",
            ["valueOn"] = "true", ["valueOff"] = "false",
        });
        return Card(body, [Execute(t["practice.form.share"], PracticeVerbs.Share, new PracticeSharePayload(teamId), style: "positive")]);
    }

    public static JsonObject Practice(PracticeView practice, Language language, bool withActions = true, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode>();
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.Add(Written($"{t["practice.card.kind"]} · {practice.Team} · {practice.Municipality}", subtle: true, bold: true));
        body.Add(WrittenHeading(practice.What));
        body.Add(Text($"{t[$"network.theme.{practice.Theme}"]} · {t[practice.Finished ? "practice.stage.finished" : "practice.stage.wip"]} · {practice.ScopeLabel}", subtle: true));
        if (practice.Why.Length > 0) body.Add(LabelledWritten(t["practice.card.why"], practice.Why));
        if (practice.Result.Length > 0) body.Add(LabelledWritten(t["practice.card.result"], practice.Result));
        if (practice.Lesson.Length > 0) body.Add(LabelledWritten(t["practice.card.lesson"], practice.Lesson));
        if (practice.Contact is not null) body.Add(LabelledWritten(t["practice.card.contact"], practice.Contact));
        body.Add(Text(practice.Adoptions == 0 ? t["practice.card.noAdoptions"] : t.Format("practice.card.adoptions", practice.Adoptions), subtle: true));
        return Card(body, withActions ? [Execute(t["practice.card.adopt"], PracticeVerbs.Adopt, new PracticeRef(practice.Where, practice.PracticeId))] : null);
    }
}
