using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "nytt spørsmål" / "new question" in a team channel: leaders and coaches add their own questions to the team's
/// rotation (both routes are for them, checked by the role gate).
/// </summary>
public sealed class TeamQuestionHandler(PulseRepository pulse)
{
    public Task<Reply> ShowAsync(Turn turn, CancellationToken ct) => Task.FromResult(Reply.Card(TeamQuestionCard.Build(turn.Caller!.TeamId, turn.Language)));

    public async Task<Reply> AddAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var settings = await pulse.GetSettingsAsync(turn.Caller!.TenantId, turn.Caller.TeamId, ct);
        if (settings is null) return Reply.Text(t["command.teamOnly"]);
        if (turn.Payload<TeamQuestionPayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);

        var text = data.Text?.Trim();
        var low = data.Low?.Trim() is { Length: > 0 } l ? l : null;
        var high = data.High?.Trim() is { Length: > 0 } h ? h : null;
        if (string.IsNullOrEmpty(text) || text.Length > TeamQuestionCard.MaxText) return Reply.Text(t["question.error.text"]);
        if (data.Type is not (QuestionType.Scale or QuestionType.ScaleWithComment or QuestionType.Text) || !QuestionTheme.All.Contains(data.Theme))
        {
            return Reply.Text(t["question.error.choice"]);
        }
        var scale = data.Type != QuestionType.Text;
        if (scale && (low is null || high is null || low.Length > TeamQuestionCard.MaxLabel || high.Length > TeamQuestionCard.MaxLabel))
        {
            return Reply.Text(t["question.error.scale"]);
        }

        // The same tap delivered again (same activity) or the same question sent twice is added once.
        var question = new TeamQuestion("team-" + StableIds.For(turn.Caller.TenantId, turn.ActivityId)[..10], data.Theme!, data.Type, text,
            scale ? low : null, scale ? high : null);
        var full = false;
        await pulse.UpdateSettingsAsync(settings.TenantId, settings.TeamId, current =>
        {
            if (current.TeamQuestions.Any(q => q.Id == question.Id || q with { Id = question.Id } == question)) return null;
            full = current.TeamQuestions.Count >= PulseSettings.MaxTeamQuestions;
            return full ? null : current with { TeamQuestions = [.. current.TeamQuestions, question] };
        }, ct);
        return full
            ? Reply.Text(t.Format("question.error.tooMany", PulseSettings.MaxTeamQuestions))
            : Reply.Card(TeamQuestionCard.Build(turn.Caller.TeamId, turn.Language, t["question.added"]));
    }
}
