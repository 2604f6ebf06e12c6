using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Pulse;

/// <summary>Where a pulse card belongs and what its round looks like to the person seeing it.</summary>
public sealed record PulseRoundView(string RoundId, string TeamId, string ClosesAtText);

/// <summary>The aggregate of a closed round. Distribution[0] is the count of 1s … [4] the count of 5s.</summary>
public sealed record PulseResult(int Answers, int[] Distribution, double? Mean);

/// <summary>The weekly question card, its confirmation after an answer, and the result card when the round closes.</summary>
public static class PulseCards
{

    /// <summary>
    /// The question card. <paramref name="personal"/>: sent to the person's own chat, with how to pause those messages.
    /// </summary>
    public static JsonObject Question(Question question, Language language, PulseRoundView round, string? notice = null, bool personal = false)
    {
        var t = Texts.For(language);
        var text = question.In(language);
        var body = new List<JsonNode> { Text(t["pulse.title"], subtle: true, bold: true), WrittenHeading(text.Text) };
        if (notice is not null)
        {
            body.Add(Text(notice, bold: true, color: "Good"));
        }
        var actions = new List<JsonNode>();
        if (question.HasScale)
        {
            body.Add(Written(t.Format("pulse.scale", Embedded(text.Low!), Embedded(text.High!)), subtle: true));
            body.Add(Text(t["pulse.skip"], subtle: true));
            if (question.TakesComment) body.Add(CommentInput(t["pulse.comment"], multiline: false));
            actions.AddRange(Enumerable.Range(1, 5).Select(value => AnswerAction(value.ToString(CultureInfo.InvariantCulture), round, value)));
        }
        else
        {
            body.Add(Text(t["pulse.skip"], subtle: true));
            body.Add(CommentInput(t["pulse.reflection"], multiline: true));
            actions.Add(AnswerAction(t["pulse.send"], round, value: null));
        }
        body.Add(ActionSet([.. actions]));
        // Who can read what: nobody sees who answered; what is written goes to the team's comment readers, without names.
        var privacy = question.TakesComment ? $"{t["pulse.anonymous"]} {t["pulse.readers"]}" : t["pulse.anonymous"];
        body.Add(Text($"{privacy} {t.Format("pulse.openUntil", round.ClosesAtText)}", subtle: true));
        if (personal) body.Add(Text(t["pulse.personal.pause"], subtle: true));
        return Card(body, [IdeaFormCard.OpenButton(language, round.RoundId, round.TeamId)]);
    }

    /// <summary>The channel card after the round closed: numbers only at or above the anonymity threshold, never comments.</summary>
    public static JsonObject Result(Question question, Language language, PulseResult result, int minAnswers)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode>
        {
            Text($"{t["pulse.title"]} · {t["pulse.closed"]}", subtle: true, bold: true),
            WrittenHeading(question.In(language).Text),
        };
        if (result.Answers < minAnswers)
        {
            body.Add(Text(t.Format("pulse.result.tooFew", result.Answers, minAnswers)));
            return Card(body);
        }
        body.Add(Text(t.Format("pulse.result.count", result.Answers), bold: true));
        if (question.HasScale && result.Mean is { } mean)
        {
            body.Add(Text(t.Format("pulse.result.mean", mean.ToString("0.0", language.Culture()))));
            body.Add(Bars(result.Distribution));
            body.Add(ScaleEnds(question, language));
        }
        if (question.TakesComment) body.Add(Text(t["pulse.result.comments"], subtle: true));
        return Card(body);
    }

    /// <summary>
    /// What 1 and 5 mean, under every result of a scale question: most scales have 5 as the good end, but not all (and a
    /// team's own question may run either way), so nobody reads a high score without knowing which end is high.
    /// </summary>
    public static JsonObject ScaleEnds(Question question, Language language)
    {
        var text = question.In(language);
        // A team's own question has ends its leader wrote: shown as written, never as markdown.
        var block = Written(Texts.For(language).Format("pulse.scale", Embedded(text.Low ?? ""), Embedded(text.High ?? "")), subtle: true);
        block["spacing"] = "None";
        return block;
    }

    /// <summary>
    /// Room for comments in the leader's card, in the bytes the card is sent as (each comment's block counted, its
    /// JSON escapes too: æ, ø, å and emoji take 6 to 12 bytes): Teams refuses cards much over 28 KB.
    /// </summary>
    public const int CommentBudgetBytes = 20_000;

    /// <summary>
    /// The result for a team's leaders and coaches in their personal chat: the numbers, and the comments without
    /// names, in the given (random) order, as the agenda for the reflection meeting. Below the threshold, neither.
    /// </summary>
    public static JsonObject LeaderSummary(Question question, Language language, PulseResult result, int minAnswers, int minComments, IReadOnlyList<string> comments)
    {
        var t = Texts.For(language);
        var card = Result(question, language, result, minAnswers);
        var body = card["body"]!.AsArray();
        body.Insert(0, Text(t["pulse.summary.title"], bold: true));
        if (result.Answers < minAnswers || !question.TakesComment) return card;
        if (result.Answers < minComments)
        {
            body.Add(Text(t.Format("pulse.summary.commentsFrom", minComments), subtle: true));
            return card;
        }

        body.Add(Text(t["pulse.summary.comments"], bold: true));
        if (comments.Count == 0) body.Add(Text(t["pulse.summary.none"], subtle: true));
        var used = 0;
        var shown = 0;
        foreach (var comment in comments)
        {
            var block = Written(t.Quote(Embedded(comment)));
            block["separator"] = true;
            var bytes = Encoding.UTF8.GetByteCount(block.ToJsonString());
            if (used + bytes > CommentBudgetBytes) break;
            body.Add(block);
            used += bytes;
            shown++;
        }
        if (shown < comments.Count) body.Add(Text(t.Format("pulse.summary.more", comments.Count - shown), subtle: true));
        return card;
    }

    private static JsonObject Bars(int[] distribution)
    {
        var max = Math.Max(1, distribution.Max());
        var lines = Enumerable.Range(0, 5).Reverse().Select(i =>
        {
            var bar = new string('█', (int)Math.Round(12.0 * distribution[i] / max));
            var block = Text($"{i + 1}  {bar} {distribution[i]}");
            block["fontType"] = "Monospace";
            block["spacing"] = "None";
            return (JsonNode)block;
        });
        return new JsonObject { ["type"] = "Container", ["items"] = new JsonArray([.. lines]) };
    }

    private static JsonObject CommentInput(string placeholder, bool multiline) => new()
    {
        ["type"] = "Input.Text",
        ["id"] = PulseAnswerPayload.CommentInput,
        ["placeholder"] = placeholder,
        ["label"] = placeholder,
        ["isMultiline"] = multiline,
        ["maxLength"] = multiline ? 1000 : 500,
    };

    private static JsonObject AnswerAction(string title, PulseRoundView round, int? value)
    {
        return Execute(title, PulseVerbs.Answer, new PulseAnswerPayload(round.RoundId, round.TeamId, value?.ToString(CultureInfo.InvariantCulture)));
    }
}
