using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// Takes an answer from the question card (Action.Execute "pulse.answer"). The tenant comes from the activity Teams
/// signed, never from the card's data, and the team is checked by the route's gate (its channel, or Teams' roster). The
/// answer is stored under a keyed hash of the person (<see cref="AnswerKeys"/>), so it can be changed while the round is
/// open but not traced from storage; the reply is the card again with a thank-you, showing nobody's answer.
/// </summary>
public sealed class PulseAnswers(PulseRepository pulse, TeamRepository teams, AnswerKeys keys, RoleGate gate, TimeProvider clock)
{
    public const int MaxCommentLength = 500;
    public const int MaxReflectionLength = 1000;

    public async Task<Reply> AnswerAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var data = turn.Payload<PulseAnswerPayload>();
        var (tenantId, teamId) = (turn.Caller!.TenantId, turn.Caller.TeamId);
        if (data?.Round is not { } roundId) return Reply.Text(t["error.notAllowed"]);
        // Two round trips one after the other: the round (which carries its question and time zone) read alongside the
        // person's roles, then the answer. Rounds opened before they carried them fall back to the team's settings and
        // the team's time zone.
        var rolesRead = gate.RolesAsync(turn, tenantId, teamId, turn.Caller.UserAadObjectId, ct);
        var round = await pulse.GetRoundAsync(tenantId, teamId, roundId, ct);
        var roles = await rolesRead;
        var settings = round is { TimeZone: null } ? await pulse.GetSettingsAsync(tenantId, teamId, ct) : null;
        var question = round is null ? null : settings is null ? PulseQuestions.Find(round) : PulseQuestions.Find(settings, round.QuestionId);
        var timeZone = round?.TimeZone ?? (settings is null ? null : (await teams.GetAsync(tenantId, teamId, ct))?.TimeZone);
        if (round is null || question is null || timeZone is null) return Reply.Text(t["pulse.error.notFound"]);
        if (round.Closed || clock.GetUtcNow() >= round.ClosesAt) return Reply.Text(t["pulse.closed"]);

        var value = CardNumbers.Whole(data.Value);
        var comment = data.Comment?.Trim() is { Length: > 0 } c ? c : null;
        var problem = Validate(question, value, comment, t);
        if (problem is not null) return Reply.Text(problem);
        // Whoever sees the team's results answers like everyone, but their answer never counts toward the results.
        var viewer = roles.Overlaps(Role.SeeAggregates);
        await pulse.SaveAnswerAsync(round, keys.For(round, turn.Caller.UserAadObjectId), new PulseAnswer(question.HasScale ? value : null, comment, viewer), ct);

        var view = new PulseRoundView(round.RoundId, teamId, TeamCalendar.Describe(timeZone, round.ClosesAt, turn.Language));
        return Reply.Card(PulseCards.Question(question, turn.Language, view, t["pulse.thanks"]));
    }

    /// <summary>
    /// The comment the caller gave in a round, to start an idea from: only the person themselves can find it, since
    /// the answer is stored under their salted key.
    /// </summary>
    public async Task<string?> MyCommentAsync(Turn turn, IdeaOpenPayload? opened, CancellationToken ct)
    {
        if (turn.TenantId is not { } tenantId || turn.PersonId is not { } person || opened is not { Round: { } roundId, Team: { } team }) return null;
        if (!await turn.IsInTeamAsync(team, ct)) return null;
        var round = await pulse.GetRoundAsync(tenantId, team, roundId, ct);
        // Only while the round is open: once it closes, nothing links an answer to the person any more.
        if (round is null || round.Closed || round.Unlinked || clock.GetUtcNow() >= round.ClosesAt) return null;
        return (await pulse.GetAnswerAsync(round, keys.For(round, person), ct))?.Comment;
    }

    private static string? Validate(Question question, int? value, string? comment, Texts t)
    {
        if (question.HasScale && value is not (>= 1 and <= 5)) return t["pulse.error.value"];
        if (!question.HasScale && comment is null) return t["pulse.error.empty"];
        var max = question.HasScale ? MaxCommentLength : MaxReflectionLength;
        if (comment?.Length > max) return t.Format("pulse.error.tooLong", max);
        return null;
    }
}
