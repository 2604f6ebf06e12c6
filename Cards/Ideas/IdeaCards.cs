using System.Globalization;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Ideas;

/// <summary>
/// The idea card (in the team's channel, in lists and search results), and the short notices about a decision.
/// Everything a person wrote goes through <see cref="PlainText"/>.
/// </summary>
public static class IdeaCards
{
    /// <summary>The idea with its status, the last answer, support and comments; with actions unless read-only (search results).</summary>
    public static JsonObject Idea(IdeaView idea, Language language, string? notice = null, bool withActions = true)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode>();
        if (notice is not null)
        {
            body.Add(Text(notice, bold: true, color: "Good"));
        }
        body.AddRange(Summary(idea, t));
        if (idea.Description.Length > 0) body.Add(Text(PlainText(idea.Description)));
        if (idea.LastDecision is { } decision)
        {
            body.Add(LabelledText(t["idea.card.answer"], $"{PlainText(decision.Reason)} — {PlainText(decision.ByName)}, {Date(decision.At)}"));
        }
        body.Add(Text($"{t.Format("idea.card.supporters", idea.Supporters)} · {t.Format("idea.card.comments", idea.CommentCount)}", subtle: true));
        foreach (var (author, text) in idea.LatestComments)
        {
            var comment = Text($"**{PlainText(author)}:** {PlainText(text)}");
            comment["spacing"] = "Small";
            body.Add(comment);
        }
        return Card(body, withActions ? Actions(idea, t) : null);
    }

    /// <summary>The lines that identify an idea: kind and team, title, status, who and when.</summary>
    public static IEnumerable<JsonNode> Summary(IdeaView idea, Texts t)
    {
        var team = idea.TeamName is null ? "" : " · " + PlainText(idea.TeamName);
        yield return Text($"{t["idea.card.kind"]} · {t[$"idea.category.{idea.Category}"]}{team}", subtle: true, bold: true);
        yield return Heading(PlainText(idea.Title));
        var status = Text(t.Format("idea.card.status", t[$"idea.status.{idea.Status}"]), bold: true, color: StatusColor(idea.Status));
        status["spacing"] = "None";
        yield return status;
        var who = idea.SubmitterName is null ? t["idea.card.anonymous"] : PlainText(idea.SubmitterName);
        yield return Text(t.Format("idea.card.from", who, Date(idea.CreatedAt)), subtle: true);
    }

    /// <summary>The short update posted in the team's channel when a leader decides, so everyone sees what happened.</summary>
    public static JsonObject StatusUpdate(IdeaView idea, DecisionView decision, Language language)
    {
        var t = Texts.For(language);
        return Card(
        [
            Text(t["idea.update.title"], subtle: true, bold: true),
            Text(t.Format("idea.update.text", PlainText(idea.Title), t[$"idea.status.{decision.Status}"]), bold: true),
            LabelledText(t["idea.card.why"], $"{PlainText(decision.Reason)} — {PlainText(decision.ByName)}"),
        ]);
    }

    /// <summary>The submitter's notice in their personal chat.</summary>
    public static JsonObject SubmitterNotice(IdeaView idea, DecisionView decision, Language language)
    {
        var t = Texts.For(language);
        return Card(
        [
            Text(t["idea.notice.title"], subtle: true, bold: true),
            Text(t.Format("idea.update.text", PlainText(idea.Title), t[$"idea.status.{decision.Status}"]), bold: true),
            LabelledText(t["idea.card.why"], $"{PlainText(decision.Reason)} — {PlainText(decision.ByName)}"),
            Text(t["idea.notice.thanks"], subtle: true),
        ]);
    }

    /// <summary>60 days after an idea was implemented: did the change work? One tap, answers counted in place.</summary>
    public static JsonObject FollowUp(IdeaView idea, Language language, IReadOnlyDictionary<string, int> counts, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode>
        {
            Text(t["idea.followup.title"], subtle: true, bold: true),
            Heading(PlainText(idea.Title)),
            Text(t["idea.followup.question"]),
        };
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.Add(Text(t.Format("idea.followup.counts", Count(counts, "yes"), Count(counts, "partly"), Count(counts, "no")), subtle: true));
        var actions = new[] { "yes", "partly", "no" }.Select(answer => (JsonNode)Execute(t[$"idea.followup.{answer}"], IdeaVerbs.FollowUp, idea,
            new JsonObject { ["answer"] = answer }));
        return Card(body, actions);
    }

    internal static JsonObject Execute(string title, string verb, IdeaView idea, JsonObject? extra = null)
    {
        var data = new JsonObject { ["idea"] = idea.IdeaId, ["team"] = idea.TeamId };
        foreach (var (key, value) in extra ?? []) data[key] = value?.DeepClone();
        return new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data };
    }

    private static List<JsonNode> Actions(IdeaView idea, Texts t)
    {
        var actions = new List<JsonNode>
        {
            Execute(t["idea.support"], IdeaVerbs.Support, idea),
            ShowCard(t["idea.comment"],
            [
                TextInput("comment", t["idea.comment.label"], IdeaVerbs.MaxComment, multiline: true),
            ], Execute(t["idea.comment.send"], IdeaVerbs.Comment, idea)),
        };
        if (idea.NextStatuses.Count > 0 || idea.CanShare) actions.Add(LeaderAnswer(idea, t));
        return actions;
    }

    /// <summary>The leader's answer: a new status and why. The server checks the role; staff who open it are refused.</summary>
    public static JsonObject LeaderAnswer(IdeaView idea, Texts t, string verb = IdeaVerbs.Status, JsonObject? extra = null)
    {
        var body = new List<JsonNode>();
        var actions = new List<JsonNode>();
        if (idea.NextStatuses.Count > 0)
        {
            body.Add(ChoiceSet(IdeaVerbs.StatusInput(idea.IdeaId), t["idea.answer.status"], idea.NextStatuses.Select(s => (t[$"idea.status.{s}"], s)), idea.NextStatuses[0]));
            body.Add(TextInput(IdeaVerbs.ReasonInput(idea.IdeaId), t["idea.answer.reason"], IdeaVerbs.MaxReason, multiline: true,
                requiredMessage: t["idea.error.reason"]));
            actions.Add(Execute(t["idea.answer.send"], verb, idea, extra));
        }
        if (idea.CanShare) actions.Add(Execute(t["idea.share"], IdeaVerbs.Share, idea));
        return ShowCard(t["idea.answer"], body, [.. actions]);
    }

    private static int Count(IReadOnlyDictionary<string, int> counts, string key) => counts.TryGetValue(key, out var n) ? n : 0;

    private static string StatusColor(string status) => status switch
    {
        "implemented" => "Good",
        "considering" or "trying" => "Accent",
        _ => "Default",
    };
}
