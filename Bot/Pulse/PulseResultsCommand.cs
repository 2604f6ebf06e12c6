using CareCompanion.Cards.Localization;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "resultater" / "results" in a team channel: the last 12 closed rounds, for the team's leaders, coaches and partner
/// roles, with the anchor questions' trend (a chart and the means) above them. Only aggregates, and only above each
/// round's threshold; comments never appear here.
/// </summary>
public sealed class PulseResultsCommand(PulseRepository pulse, PulseLinks links)
{
    public const int Rounds = 12;

    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var (tenantId, teamId) = (turn.Caller!.TenantId, turn.Caller.TeamId);
        var settings = await pulse.GetSettingsAsync(tenantId, teamId, ct);
        // One query for the whole history: the anchors' trend reaches back further than the last weeks.
        var history = settings is null ? [] : await pulse.ListClosedRoundsAsync(tenantId, teamId, PulseAnchorTrends.History, ct);
        var rows = history.TakeLast(Rounds)
            .Select(r => (Round: r, Question: PulseQuestions.Find(settings!, r.QuestionId)))
            .Where(r => r.Question is not null)
            .Select(r => new PulseTrendRow(WeekNumber(r.Round.RoundId), r.Question!, PulseResults.Of(r.Round), r.Round.MinAnswers))
            .ToList();
        var anchors = PulseAnchorTrends.Of(history);
        var chart = anchors.Any(a => a.Points.Count > 0)
            ? links.Create(PulseLinks.Chart, tenantId, teamId, turn.Language.Code(), PulseLinks.ChartLifetime)
            : null;
        return Reply.Card(PulseTrendCard.Build(rows, turn.Language, anchors, chart));
    }

    // Round ids are ISO weeks: "2026-W49".
    private static int WeekNumber(string roundId) => int.TryParse(roundId[(roundId.IndexOf('W') + 1)..], out var week) ? week : 0;
}
