using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Bot.Pulse;

public static class PulseResults
{
    public static PulseResult Aggregate(IReadOnlyList<PulseAnswer> answers)
    {
        var distribution = new int[5];
        foreach (var value in answers.Select(a => a.Value).OfType<int>().Where(v => v is >= 1 and <= 5))
        {
            distribution[value - 1]++;
        }
        return FromDistribution(answers.Count, distribution);
    }

    /// <summary>Whether a closed round's result may be shown: at least its minimum answered (anonymity).</summary>
    public static bool AboveThreshold(PulseRound round) => (round.Answers ?? 0) >= round.MinAnswers;

    /// <summary>The result of a closed round, from what was stored when it closed.</summary>
    public static PulseResult Of(PulseRound round) => FromDistribution(round.Answers ?? 0, round.Distribution ?? new int[5]);

    private static PulseResult FromDistribution(int answers, int[] distribution)
    {
        var scaled = distribution.Sum();
        double? mean = scaled == 0 ? null : Enumerable.Range(0, 5).Sum(i => (i + 1) * distribution[i]) / (double)scaled;
        return new PulseResult(answers, distribution, mean);
    }
}
