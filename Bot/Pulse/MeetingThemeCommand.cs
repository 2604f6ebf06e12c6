using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using Microsoft.Bot.Builder;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "tema" / "theme" in a team channel: a leader or coach posts the week's open question as the theme of the team's
/// reflection meeting (the research's weekly hour where a theme is proposed and everyone speaks in turn).
/// </summary>
public sealed class MeetingThemeCommand(PulseRepository pulse, PulseOpenRounds openRounds, TeamRoles roles)
{
    public async Task HandleAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var language = LanguageResolver.FromLocale(turnContext.Activity.Locale);
        var t = Texts.For(language);
        var (caller, refusal) = await roles.RequireAsync(turnContext.Activity, Role.LeadersAndCoaches, "meeting.leadersOnly", ct);
        if (caller is null)
        {
            await turnContext.SendActivityAsync(refusal, cancellationToken: ct);
            return;
        }
        var settings = await pulse.GetSettingsAsync(caller.TenantId, caller.TeamId, ct);
        var round = settings is null ? null : await openRounds.OpenRoundAsync(settings, ct);
        if (round is null || PulseQuestions.Find(settings!, round.QuestionId) is not { } question)
        {
            await turnContext.SendActivityAsync(t["meeting.noRound"], cancellationToken: ct);
            return;
        }
        await turnContext.SendActivityAsync(CardMessage.From(PulseCards.MeetingTheme(question, language)), ct);
    }
}
