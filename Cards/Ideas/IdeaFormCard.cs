using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Ideas;

/// <summary>
/// What the form is prefilled with: the person's own words when something must be fixed, so nothing is lost.
/// <see cref="FormId"/> is the form's one-time id, sent back with every press of its button (see <see cref="IdeaSubmitPayload.Form"/>).
/// </summary>
public sealed record IdeaDraft(string? Title = null, string? Description = null, string? Category = null, string? TeamId = null, bool Anonymous = false,
    string? FormId = null);

/// <summary>
/// The idea form: in a chat (Action.Execute, confirmed in place) or in a dialog opened from a button or the
/// messaging extension (Action.Submit, which Teams sends as the dialog's submit).
/// </summary>
public static class IdeaFormCard
{
    public static JsonObject Build(Language language, IReadOnlyList<TeamChoice> teams, IReadOnlyList<string> categories, IdeaDraft draft,
        bool inDialog, string? problem = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["idea.form.title"]) };
        if (problem is not null) body.Add(Text(problem, bold: true, color: "Attention"));
        body.Add(Text(t["idea.form.noPatients"], bold: true, color: "Attention"));
        body.Add(TextInput("title", t["idea.form.titleLabel"], IdeaVerbs.MaxTitle, multiline: false, draft.Title, requiredMessage: t["idea.error.title"]));
        body.Add(TextInput("description", t["idea.form.description"], IdeaVerbs.MaxDescription, multiline: true, draft.Description));
        body.Add(ChoiceSet("category", t["idea.form.category"], categories.Select(c => (t[$"idea.category.{c}"], c)), draft.Category ?? categories[^1]));
        var payload = new IdeaSubmitPayload(Form: draft.FormId);
        if (teams.Count == 1)
        {
            body.Add(Written(t.Format("idea.form.forTeam", Embedded(teams[0].Name)), subtle: true));
            payload = payload with { Team = teams[0].TeamId };
        }
        else
        {
            body.Add(ChoiceSet("team", t["idea.form.team"], teams.Select(team => (team.Name, team.TeamId)), draft.TeamId ?? teams[0].TeamId));
        }
        body.Add(new JsonObject
        {
            ["type"] = "Input.Toggle", ["id"] = "anonymous", ["title"] = t["idea.form.anonymous"],
            ["valueOn"] = "true", ["valueOff"] = "false", ["value"] = draft.Anonymous ? "true" : "false",
        });
        body.Add(Text(t["idea.form.anonymousHelp"], subtle: true));
        var send = inDialog ? Submit(t["idea.form.send"], IdeaVerbs.Submit, payload) : Execute(t["idea.form.send"], IdeaVerbs.Submit, payload);
        send["style"] = "positive";
        return Card(body, [send]);
    }

    /// <summary>
    /// A button that opens the form in a dialog (Teams' task/fetch), for the welcome and pulse cards. On a pulse card
    /// it names the round, so the form starts from what the person reflected (looked up on the server, never in the card).
    /// </summary>
    public static JsonObject OpenButton(Language language, string? roundId = null, string? teamId = null) =>
        Submit(Texts.For(language)["idea.open"], IdeaVerbs.Open, roundId is null || teamId is null ? null : new IdeaOpenPayload(roundId, teamId), opensDialog: true);
}
