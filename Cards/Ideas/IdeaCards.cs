using System.Globalization;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Ideas;

/// <summary>
/// The idea card (in the team's channel, in lists and search results), and the short notices about a decision.
/// Everything a person wrote (title, description, names, team, comments, reasons) is <see cref="Written"/>: shown as written.
/// </summary>
public static class IdeaCards
{
    /// <summary>The idea with its status, the last answer, support and comments; with actions unless read-only (search results).</summary>
    public static JsonObject Idea(IdeaView idea, Language language, string? notice = null, bool withActions = true) =>
        Idea(idea, Texts.For(language), notice is null ? null : Text(notice, bold: true, color: "Good"), withActions);

    /// <summary>The idea as its sender gets it back: thanks, the team it went to, and the idea without actions.</summary>
    public static JsonObject Submitted(IdeaView idea, Language language)
    {
        var t = Texts.For(language);
        return Idea(idea, t, Written(t.Format("idea.submitted", Embedded(idea.TeamName ?? "")), bold: true, color: "Good"), withActions: false);
    }

    private static JsonObject Idea(IdeaView idea, Texts t, JsonObject? notice, bool withActions)
    {
        var body = new List<JsonNode>();
        if (notice is not null) body.Add(notice);
        body.AddRange(Summary(idea, t));
        if (idea.CircleTopic is not null) body.Add(Written(t.Format("circle.from", Embedded(idea.CircleTopic)), subtle: true));
        if (idea.Description.Length > 0) body.Add(Written(idea.Description));
        if (idea.LastDecision is { } decision)
        {
            body.Add(LabelledWritten(t["idea.card.answer"], $"{Embedded(decision.Reason)} — {Embedded(decision.ByName)}, {Date(decision.At)}"));
        }
        body.Add(Text($"{t.Format("idea.card.supporters", idea.Supporters)} · {t.Format("idea.card.comments", idea.CommentCount)}", subtle: true));
        foreach (var (author, text) in idea.LatestComments)
        {
            var comment = Line(Run(Embedded(author) + ":", bold: true), Run(" " + Embedded(text)));
            comment["spacing"] = "Small";
            body.Add(comment);
        }
        return Card(body, withActions ? Actions(idea, t) : null);
    }

    /// <summary>The lines that identify an idea: kind and team, title, status, who and when.</summary>
    public static IEnumerable<JsonNode> Summary(IdeaView idea, Texts t)
    {
        var team = idea.TeamName is null ? "" : " · " + Embedded(idea.TeamName);
        yield return Written($"{t["idea.card.kind"]} · {t[$"idea.category.{idea.Category}"]}{team}", subtle: true, bold: true);
        yield return WrittenHeading(idea.Title);
        var status = Text(t.Format("idea.card.status", t[$"idea.status.{idea.Status}"]), bold: true, color: StatusColor(idea.Status));
        status["spacing"] = "None";
        yield return status;
        var who = idea.SubmitterName is null ? t["idea.card.anonymous"] : Embedded(idea.SubmitterName);
        yield return Written(t.Format("idea.card.from", who, Date(idea.CreatedAt)), subtle: true);
    }

    /// <summary>The short update posted in the team's channel when a leader decides, so everyone sees what happened.</summary>
    public static JsonObject StatusUpdate(IdeaView idea, DecisionView decision, Language language)
    {
        var t = Texts.For(language);
        return Card(
        [
            Text(t["idea.update.title"], subtle: true, bold: true),
            Written(t.Format("idea.update.text", Embedded(idea.Title), t[$"idea.status.{decision.Status}"]), bold: true),
            LabelledWritten(t["idea.card.why"], $"{Embedded(decision.Reason)} — {Embedded(decision.ByName)}"),
        ]);
    }

    /// <summary>The submitter's notice in their personal chat.</summary>
    public static JsonObject SubmitterNotice(IdeaView idea, DecisionView decision, Language language)
    {
        var t = Texts.For(language);
        return Card(
        [
            Text(t["idea.notice.title"], subtle: true, bold: true),
            Written(t.Format("idea.update.text", Embedded(idea.Title), t[$"idea.status.{decision.Status}"]), bold: true),
            LabelledWritten(t["idea.card.why"], $"{Embedded(decision.Reason)} — {Embedded(decision.ByName)}"),
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
            WrittenHeading(idea.Title),
            Text(t["idea.followup.question"]),
        };
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.Add(Text(t.Format("idea.followup.counts", Count(counts, "yes"), Count(counts, "partly"), Count(counts, "no")), subtle: true));
        var actions = new[] { "yes", "partly", "no" }.Select(answer =>
            (JsonNode)Execute(t[$"idea.followup.{answer}"], IdeaVerbs.FollowUp, new IdeaFollowUpPayload(idea.TeamId, idea.IdeaId, answer)));
        return Card(body, actions);
    }

    private static List<JsonNode> Actions(IdeaView idea, Texts t)
    {
        var actions = new List<JsonNode>
        {
            Execute(t["idea.support"], IdeaVerbs.Support, Ref(idea)),
            ShowCard(t["idea.comment"],
            [
                TextInput(IdeaCommentPayload.CommentInput, t["idea.comment.label"], IdeaVerbs.MaxComment, multiline: true),
            ], Execute(t["idea.comment.send"], IdeaVerbs.Comment, new IdeaCommentPayload(idea.TeamId, idea.IdeaId))),
        };
        if (idea.NextStatuses.Count > 0 || idea.CanShare) actions.Add(LeaderAnswer(idea, t));
        return actions;
    }

    /// <summary>The leader's answer: a new status and why. The server checks the role; staff who open it are refused.</summary>
    public static JsonObject LeaderAnswer(IdeaView idea, Texts t, string verb = IdeaVerbs.Status, string? since = null)
    {
        var body = new List<JsonNode>();
        var actions = new List<JsonNode>();
        if (idea.NextStatuses.Count > 0)
        {
            body.Add(ChoiceSet(IdeaVerbs.StatusInput(idea.IdeaId), t["idea.answer.status"], idea.NextStatuses.Select(s => (t[$"idea.status.{s}"], s)), idea.NextStatuses[0]));
            body.Add(TextInput(IdeaVerbs.ReasonInput(idea.IdeaId), t["idea.answer.reason"], IdeaVerbs.MaxReason, multiline: true,
                requiredMessage: t["idea.error.reason"]));
            actions.Add(Execute(t["idea.answer.send"], verb, new IdeaDecisionPayload(idea.TeamId, idea.IdeaId, since)));
        }
        if (idea.CanShare) actions.Add(Execute(t["idea.share"], IdeaVerbs.Share, Ref(idea)));
        return ShowCard(t["idea.answer"], body, [.. actions]);
    }

    private static IdeaRef Ref(IdeaView idea) => new(idea.TeamId, idea.IdeaId);

    private static int Count(IReadOnlyDictionary<string, int> counts, string key) => counts.TryGetValue(key, out var n) ? n : 0;

    private static string StatusColor(string status) => status switch
    {
        "implemented" => "Good",
        "considering" or "trying" => "Accent",
        _ => "Default",
    };
}
