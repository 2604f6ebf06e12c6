using System.Globalization;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Pulse;

/// <summary>One closed round in the trend: its week number, question and result.</summary>
public sealed record PulseTrendRow(int Week, Question Question, PulseResult Result, int MinAnswers);

/// <summary>
/// The team's results (resultater / results): first the anchor questions over time (a chart, and each one's means in
/// words), then a line per recent week. Numbers only above each round's threshold.
/// </summary>
public static class PulseTrendCard
{
    /// <param name="anchors">The anchor questions' rounds above their threshold (none below it).</param>
    /// <param name="chartUrl">Where Teams fetches the chart of <paramref name="anchors"/> (a signed, expiring link); null for no chart.</param>
    public static JsonObject Build(IReadOnlyList<PulseTrendRow> rows, Language language, IReadOnlyList<AnchorTrend>? anchors = null, string? chartUrl = null)
    {
        var t = Texts.For(language);
        var culture = language.Culture();
        var body = new List<JsonNode>();
        if (anchors is not null) body.AddRange(Anchors(anchors, chartUrl, t, language, culture));
        body.Add(Heading(t["results.title"]));
        if (rows.Count == 0) body.Add(Text(t["results.none"]));
        foreach (var row in rows.Reverse())
        {
            var line = Labelled(Written($"{t.Format("results.week", row.Week)} · {Embedded(row.Question.In(language).Text)}", bold: true), Text(Summary(row, t, culture)));
            if (row.Result.Answers >= row.MinAnswers && row.Result.Mean is not null && row.Question.HasScale)
            {
                line["items"]!.AsArray().Add(PulseCards.ScaleEnds(row.Question, language));
            }
            body.Add(line);
        }
        return Card(body);
    }

    private static IEnumerable<JsonNode> Anchors(IReadOnlyList<AnchorTrend> anchors, string? chartUrl, Texts t, Language language, CultureInfo culture)
    {
        yield return Heading(t["results.anchors.title"]);
        var shown = anchors.Where(a => a.Points.Count > 0).ToList();
        if (shown.Count == 0)
        {
            yield return Text(t["results.anchors.none"]);
            yield break;
        }
        if (chartUrl is not null)
        {
            yield return new JsonObject { ["type"] = "Image", ["url"] = chartUrl, ["altText"] = t["results.anchors.chart"], ["size"] = "Stretch" };
        }
        foreach (var anchor in shown)
        {
            var points = string.Join(" · ", anchor.Points.Select(p =>
                $"{t.Format("results.week", AnchorTrend.WeekNumber(p.Week))}: {p.Mean.ToString("0.0", culture)}"));
            var item = Labelled(Written(Embedded(anchor.Question.In(language).Text), bold: true), Text(points));
            item["items"]!.AsArray().Add(PulseCards.ScaleEnds(anchor.Question, language));
            yield return item;
        }
    }

    private static string Summary(PulseTrendRow row, Texts t, CultureInfo culture)
    {
        if (row.Result.Answers < row.MinAnswers) return t.Format("results.tooFew", row.Result.Answers);
        if (row.Result.Mean is not { } mean) return t.Format("results.reflections", row.Result.Answers);
        var bar = new string('█', (int)Math.Round(mean * 2)); // half a block per tenth of the scale: 5.0 = ten blocks
        return $"{bar} {t.Format("results.mean", mean.ToString("0.0", culture), row.Result.Answers)}";
    }
}
