using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// Each anchor question's trend in a team: its closed rounds, oldest first. A round below its threshold is left out
/// (not shown as empty: nothing about it is shown), and rotating questions never enter, so every line compares the same
/// words with themselves.
/// </summary>
public sealed class PulseAnchorTrends(PulseRepository pulse)
{
    /// <summary>Ten years of weekly rounds: the whole history of a team, in one single-partition query.</summary>
    public const int History = 520;

    public async Task<IReadOnlyList<AnchorTrend>> ForTeamAsync(string tenantId, string teamId, CancellationToken ct) =>
        Of(await pulse.ListClosedRoundsAsync(tenantId, teamId, History, ct));

    public static IReadOnlyList<AnchorTrend> Of(IReadOnlyList<PulseRound> closed) =>
    [
        .. QuestionLibrary.Anchors.Select(anchor => new AnchorTrend(anchor,
        [
            .. closed
                .Where(r => r.QuestionId == anchor.Id && r.Closed)
                .Select(r => (Round: r, Result: PulseResults.Of(r)))
                .Where(r => r.Result.Answers >= r.Round.MinAnswers && r.Result.Mean is not null)
                .OrderBy(r => r.Round.RoundId, StringComparer.Ordinal)
                .Select(r => new AnchorPoint(r.Round.RoundId, r.Result.Mean!.Value, r.Result.Answers)),
        ])),
    ];
}
