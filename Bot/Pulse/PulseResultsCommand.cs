using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "resultater" / "results" in a team channel: the last 12 closed rounds, for the team's leaders, coaches and partner
/// roles. Only aggregates, and only above each round's threshold; comments never appear here.
/// </summary>
public sealed class PulseResultsCommand(PulseRepository pulse)
{
    public const int Rounds = 12;

    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var (tenantId, teamId) = (turn.Caller!.TenantId, turn.Caller.TeamId);
        var settings = await pulse.GetSettingsAsync(tenantId, teamId, ct);
        var rounds = settings is null ? [] : await pulse.ListClosedRoundsAsync(tenantId, teamId, Rounds, ct);
        var rows = rounds
            .Select(r => (Round: r, Question: PulseQuestions.Find(settings!, r.QuestionId)))
            .Where(r => r.Question is not null)
            .Select(r => new PulseTrendRow(WeekNumber(r.Round.RoundId), r.Question!, PulseResults.Of(r.Round), r.Round.MinAnswers))
            .ToList();
        return Reply.Card(PulseTrendCard.Build(rows, turn.Language));
    }

    // Round ids are ISO weeks: "2026-W49".
    private static int WeekNumber(string roundId) => int.TryParse(roundId[(roundId.IndexOf('W') + 1)..], out var week) ? week : 0;
}
