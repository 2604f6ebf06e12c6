using System.Security.Cryptography;
using System.Text;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// Takes an answer from the question card (Action.Execute "pulse.answer"). The tenant comes from the activity Teams
/// signed, never from the card's data, and so does the team in a channel (in a personal chat, Teams' roster confirms it); the answer is stored under a salted hash of the person, so it can be
/// changed but not traced; the reply is the card again with a thank-you, showing nobody's answer.
/// </summary>
public sealed class PulseAnswers(PulseRepository pulse, TeamMembership membership, TimeProvider clock)
{
    public const int MaxCommentLength = 500;
    public const int MaxReflectionLength = 1000;

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var language = LanguageResolver.FromLocale(activity.Locale);
        var t = Texts.For(language);
        var data = CardData.Of(invoke);
        var tenantId = TeamsConversation.TenantId(activity);
        var roundId = CardData.String(data, "round");
        var teamId = await TeamOfAsync(turnContext, CardData.String(data, "team"), ct);
        if (tenantId is null || teamId is null || roundId is null)
        {
            return InvokeResponses.Message(t["error.notAllowed"]);
        }
        // Two round trips: the round (which carries its question and time zone) and the answer. Rounds opened before
        // they carried them fall back to the team's settings.
        var round = await pulse.GetRoundAsync(tenantId, teamId, roundId, ct);
        var settings = round is { TimeZone: null } ? await pulse.GetSettingsAsync(tenantId, teamId, ct) : null;
        var question = round is null ? null : settings is null ? PulseQuestions.Find(round) : PulseQuestions.Find(settings, round.QuestionId);
        var timeZone = round?.TimeZone ?? settings?.TimeZone;
        if (round is null || question is null || timeZone is null)
        {
            return InvokeResponses.Message(t["pulse.error.notFound"]);
        }
        if (round.Closed || clock.GetUtcNow() >= round.ClosesAt)
        {
            return InvokeResponses.Message(t["pulse.closed"]);
        }

        var value = CardData.Int(data, "value");
        var comment = CardData.String(data, PulseCards.CommentInputId)?.Trim() is { Length: > 0 } c ? c : null;
        var problem = Validate(question, value, comment, t);
        if (problem is not null)
        {
            return InvokeResponses.Message(problem);
        }
        var person = activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id ?? "";
        await pulse.SaveAnswerAsync(round, RespondentKey(round, person), new PulseAnswer(question.HasScale ? value : null, comment), clock.GetUtcNow(), ct);

        var view = new PulseRoundView(round.RoundId, teamId, PulseCalendar.Describe(timeZone, round.ClosesAt, language));
        return InvokeResponses.Card(PulseCards.Question(question, language, view, t["pulse.thanks"]));
    }

    /// <summary>
    /// The comment the caller gave in a round, to start an idea from: only the person themselves can find it, since
    /// the answer is stored under their salted key.
    /// </summary>
    public async Task<string?> MyCommentAsync(ITurnContext turnContext, string? teamId, string? roundId, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        if (TeamsConversation.TenantId(activity) is not { } tenantId || roundId is null || activity.From?.AadObjectId is not { Length: > 0 } person) return null;
        if (await TeamOfAsync(turnContext, teamId, ct) is not { } team) return null;
        var round = await pulse.GetRoundAsync(tenantId, team, roundId, ct);
        return round is null ? null : (await pulse.GetAnswerAsync(round, RespondentKey(round, person), ct))?.Comment;
    }

    /// <summary>
    /// The team the answer is for: in a channel, the team Teams names (the card's must match); in a personal chat,
    /// the card's team, only if Teams confirms the person is a member of it.
    /// </summary>
    private async Task<string?> TeamOfAsync(ITurnContext turnContext, string? cardTeam, CancellationToken ct) =>
        cardTeam is not null && await membership.IsInTeamAsync(turnContext, cardTeam, ct) ? cardTeam : null;

    /// <summary>Salted per round: the same person gets the same key within a round (so a new answer replaces the
    /// old) and unrelated keys across rounds. No user id is stored.</summary>
    public static string RespondentKey(PulseRound round, string person) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{round.Salt}:{round.RoundId}:{person}")));

    private static string? Validate(Question question, int? value, string? comment, Texts t)
    {
        if (question.HasScale && value is not (>= 1 and <= 5)) return t["pulse.error.value"];
        if (!question.HasScale && comment is null) return t["pulse.error.empty"];
        var max = question.HasScale ? MaxCommentLength : MaxReflectionLength;
        if (comment?.Length > max) return t.Format("pulse.error.tooLong", max);
        return null;
    }
}
