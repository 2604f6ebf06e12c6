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
        var scaled = distribution.Sum();
        double? mean = scaled == 0 ? null : Enumerable.Range(0, 5).Sum(i => (i + 1) * distribution[i]) / (double)scaled;
        return new PulseResult(answers.Count, distribution, mean);
    }
}
