using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "puls" / "pulse" in the personal chat: the open question of each team the person belongs to, to answer right
/// there (for those who rarely open the channel). Membership is asked of Teams, never assumed.
/// </summary>
public sealed class PulseOpenRounds(PulseRepository pulse, TeamRepository teams, TimeProvider clock)
{
    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var cards = new List<Reply>();
        foreach (var settings in await pulse.ListSettingsAsync(turn.TenantId!, ct))
        {
            if (await teams.GetAsync(settings.TenantId, settings.TeamId, ct) is not { } team) continue;
            if (await OpenRoundAsync(settings, team, ct) is not { } round || PulseQuestions.Find(settings, round.QuestionId) is not { } question) continue;
            if (!await turn.IsMemberAsync(settings.TeamId, ct)) continue;
            var view = new PulseRoundView(round.RoundId, settings.TeamId, TeamCalendar.Describe(team.TimeZone, round.ClosesAt, turn.Language));
            cards.Add(Reply.Card(PulseCards.Question(question, turn.Language, view)));
        }
        return cards.Count == 0 ? Reply.Text(turn.T["pulse.noneOpen"]) : Reply.Many(cards);
    }

    /// <summary>The team's round that is open now: this week's, or last week's if it is still open.</summary>
    public async Task<PulseRound?> OpenRoundAsync(PulseSettings settings, Team team, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var week in new[] { TeamCalendar.WeekOf(team.TimeZone, now), TeamCalendar.WeekOf(team.TimeZone, now.AddDays(-7)) })
        {
            var round = await pulse.GetRoundAsync(settings.TenantId, settings.TeamId, week, ct);
            if (round is { Closed: false } && round.ClosesAt > now) return round;
        }
        return null;
    }
}
