using System.Globalization;
using System.Text;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// The team's results as CSV for the HMS group: one row per closed round above its threshold (week, question id, text,
/// answers, mean, how many chose 1…5). Rounds below the threshold are left out, and comments are never in it. Semicolons
/// and the reader's decimal sign, so Excel in Norwegian opens it as columns.
/// </summary>
public static class PulseCsv
{
    public static byte[] Build(PulseSettings? settings, IReadOnlyList<PulseRound> closed, Language language)
    {
        var t = Texts.For(language);
        var culture = language.Culture();
        var csv = new StringBuilder().Append(t["pulse.csv.header"]).Append("\r\n");
        foreach (var round in closed.OrderBy(r => r.RoundId, StringComparer.Ordinal))
        {
            var result = PulseResults.Of(round);
            if (result.Answers < round.MinAnswers) continue;
            var question = settings is null ? PulseQuestions.Find(round) : PulseQuestions.Find(settings, round.QuestionId) ?? PulseQuestions.Find(round);
            var scale = question?.HasScale ?? result.Mean is not null;
            csv.AppendJoin(';',
            [
                round.RoundId, Field(round.QuestionId), Field(question?.In(language).Text ?? ""), result.Answers.ToString(CultureInfo.InvariantCulture),
                scale && result.Mean is { } mean ? mean.ToString("0.00", culture) : "",
                .. result.Distribution.Select(n => scale ? n.ToString(CultureInfo.InvariantCulture) : ""),
            ]).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>Quoted, and a team's own question that starts like a formula is kept as text in a spreadsheet.</summary>
    private static string Field(string text)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text;
        return "\"" + text.Replace("\"", "\"\"") + "\"";
    }
}
