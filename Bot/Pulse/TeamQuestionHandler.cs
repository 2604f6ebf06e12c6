using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "nytt spørsmål" / "new question" in a team channel: leaders and coaches add their own questions to the team's
/// rotation; checked on the server for the card and for the save.
/// </summary>
public sealed class TeamQuestionHandler(PulseRepository pulse, PulseAccess access)
{
    public async Task ShowAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var language = LanguageResolver.FromLocale(turnContext.Activity.Locale);
        var (caller, _, refusal) = await access.RequireAsync(turnContext.Activity, Role.LeadersAndCoaches, "question.rolesOnly", ct);
        await turnContext.SendActivityAsync(refusal is null
            ? CardMessage.From(TeamQuestionCard.Build(caller!.TeamId, language))
            : MessageFactory.Text(refusal), ct);
    }

    public async Task<AdaptiveCardInvokeResponse> AddAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var language = LanguageResolver.FromLocale(turnContext.Activity.Locale);
        var t = Texts.For(language);
        var (caller, settings, refusal) = await access.RequireAsync(turnContext.Activity, Role.LeadersAndCoaches, "question.rolesOnly", ct);
        var data = CardData.Of(invoke);
        if (refusal is not null || CardData.String(data, "team") != caller!.TeamId) return InvokeResponses.Message(refusal ?? t["error.notAllowed"]);

        var text = CardData.String(data, "text")?.Trim();
        var type = CardData.String(data, "type");
        var theme = CardData.String(data, "theme");
        var low = CardData.String(data, "low")?.Trim() is { Length: > 0 } l ? l : null;
        var high = CardData.String(data, "high")?.Trim() is { Length: > 0 } h ? h : null;
        if (string.IsNullOrEmpty(text) || text.Length > TeamQuestionCard.MaxText) return InvokeResponses.Message(t["question.error.text"]);
        if (type is not (QuestionType.Scale or QuestionType.ScaleWithComment or QuestionType.Text) || !QuestionTheme.All.Contains(theme))
        {
            return InvokeResponses.Message(t["question.error.choice"]);
        }
        var scale = type != QuestionType.Text;
        if (scale && (low is null || high is null || low.Length > TeamQuestionCard.MaxLabel || high.Length > TeamQuestionCard.MaxLabel))
        {
            return InvokeResponses.Message(t["question.error.scale"]);
        }

        var question = new TeamQuestion("team-" + Guid.NewGuid().ToString("N")[..10], theme!, type, text, scale ? low : null, scale ? high : null);
        await pulse.SaveSettingsAsync(settings! with { TeamQuestions = [.. settings!.TeamQuestions, question] }, ct);
        return InvokeResponses.Card(TeamQuestionCard.Build(caller.TeamId, language, t["question.added"]));
    }
}
