using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "tema" / "theme" in a team channel: a leader or coach posts the week's open question as the theme of the team's
/// reflection meeting (the research's weekly hour where a theme is proposed and everyone speaks in turn).
/// </summary>
public sealed class MeetingThemeCommand(PulseRepository pulse, TeamRepository teams, PulseOpenRounds openRounds)
{
    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var settings = await pulse.GetSettingsAsync(turn.Caller!.TenantId, turn.Caller.TeamId, ct);
        var team = await teams.GetAsync(turn.Caller.TenantId, turn.Caller.TeamId, ct);
        var round = settings is null || team is null ? null : await openRounds.OpenRoundAsync(settings, team, ct);
        return round is null || PulseQuestions.Find(settings!, round.QuestionId) is not { } question
            ? Reply.Text(turn.T["meeting.noRound"])
            : Reply.Card(PulseCards.MeetingTheme(question, turn.Language));
    }
}
