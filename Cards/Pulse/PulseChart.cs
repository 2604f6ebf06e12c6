using CareCompanion.Cards.Localization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace CareCompanion.Cards.Pulse;

/// <summary>
/// The anchor questions' trend as a PNG (ScottPlot, drawn on the server): one line per anchor question, its mean (1–5)
/// per round on a shared week axis. Only the points it is given: the caller leaves out rounds below their threshold.
/// Twice the phone width (720 px), so it stays sharp on a phone and small enough for Teams to load quickly.
/// </summary>
public static class PulseChart
{
    public const int Width = 720;
    public const int Height = 440;

    public static byte[] Png(IReadOnlyList<AnchorTrend> trends, Language language)
    {
        var t = Texts.For(language);
        var weeks = trends.SelectMany(a => a.Points).Select(p => p.Week).Distinct().Order(StringComparer.Ordinal).ToList();
        var plot = new Plot();
        plot.Font.Set(ChartFont.Name);
        foreach (var trend in trends.Where(a => a.Points.Count > 0))
        {
            var xs = trend.Points.Select(p => (double)weeks.IndexOf(p.Week)).ToArray();
            var line = plot.Add.Scatter(xs, trend.Points.Select(p => p.Mean).ToArray());
            line.LegendText = trend.Question.In(language).Short ?? trend.Question.Id;
            line.LineWidth = 3;
            line.MarkerSize = 9;
        }
        plot.Axes.Bottom.TickGenerator = new NumericManual(
            [.. weeks.Select((_, i) => (double)i)], [.. weeks.Select(w => AnchorTrend.WeekNumber(w).ToString())]);
        plot.Axes.Left.TickGenerator = new NumericManual([1, 2, 3, 4, 5], ["1", "2", "3", "4", "5"]);
        plot.Axes.SetLimits(-0.5, Math.Max(weeks.Count - 0.5, 0.5), 0.8, 5.2);
        plot.Axes.Bottom.Label.Text = t["results.anchors.weeks"];
        plot.Axes.Left.Label.Text = t["results.anchors.mean"];
        plot.Axes.Bottom.TickLabelStyle.FontSize = 16;
        plot.Axes.Left.TickLabelStyle.FontSize = 16;
        plot.Axes.Bottom.Label.FontSize = 16;
        plot.Axes.Left.Label.FontSize = 16;
        plot.Legend.FontSize = 16;
        plot.ShowLegend(Edge.Bottom); // below the lines, never over them
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
