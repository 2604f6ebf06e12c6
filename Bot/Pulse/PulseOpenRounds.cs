using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using Microsoft.Bot.Builder;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "puls" / "pulse" in the personal chat: the open question of each team the person belongs to, to answer right
/// there (for those who rarely open the channel). Membership is asked of Teams, never assumed.
/// </summary>
public sealed class PulseOpenRounds(PulseRepository pulse, TeamMembership membership, TimeProvider clock)
{
    public async Task HandleAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var language = LanguageResolver.FromLocale(activity.Locale);
        var t = Texts.For(language);
        var tenantId = TeamsConversation.TenantId(activity);
        var sent = 0;
        foreach (var settings in tenantId is null ? [] : await pulse.ListSettingsAsync(tenantId, ct))
        {
            if (await OpenRoundAsync(settings, ct) is not { } round || PulseQuestions.Find(settings, round.QuestionId) is not { } question) continue;
            if (!await membership.IsMemberAsync(turnContext, settings.TeamId, ct)) continue;
            var view = new PulseRoundView(round.RoundId, settings.TeamId, PulseCalendar.Describe(settings, round.ClosesAt, language));
            await turnContext.SendActivityAsync(CardMessage.From(PulseCards.Question(question, language, view)), ct);
            sent++;
        }
        if (sent == 0) await turnContext.SendActivityAsync(t["pulse.noneOpen"], cancellationToken: ct);
    }

    /// <summary>The team's round that is open now: this week's, or last week's if it is still open.</summary>
    public async Task<PulseRound?> OpenRoundAsync(PulseSettings settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var week in new[] { PulseCalendar.WeekOf(settings, now), PulseCalendar.WeekOf(settings, now.AddDays(-7)) })
        {
            var round = await pulse.GetRoundAsync(settings.TenantId, settings.TeamId, week, ct);
            if (round is { Closed: false } && round.ClosesAt > now) return round;
        }
        return null;
    }
}
