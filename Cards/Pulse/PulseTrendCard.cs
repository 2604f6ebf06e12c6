using System.Globalization;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Pulse;

/// <summary>One closed round in the trend: its week number, question and result.</summary>
public sealed record PulseTrendRow(int Week, Question Question, PulseResult Result, int MinAnswers);

/// <summary>The last rounds of a team (resultater / results): a line per week, numbers only above the threshold.</summary>
public static class PulseTrendCard
{
    public static JsonObject Build(IReadOnlyList<PulseTrendRow> rows, Language language)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["results.title"]) };
        if (rows.Count == 0) body.Add(Text(t["results.none"]));
        var culture = language.Culture();
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

    private static string Summary(PulseTrendRow row, Texts t, CultureInfo culture)
    {
        if (row.Result.Answers < row.MinAnswers) return t.Format("results.tooFew", row.Result.Answers);
        if (row.Result.Mean is not { } mean) return t.Format("results.reflections", row.Result.Answers);
        var bar = new string('█', (int)Math.Round(mean * 2)); // half a block per tenth of the scale: 5.0 = ten blocks
        return $"{bar} {t.Format("results.mean", mean.ToString("0.0", culture), row.Result.Answers)}";
    }
}
