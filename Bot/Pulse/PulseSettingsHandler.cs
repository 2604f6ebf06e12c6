using System.Globalization;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Scheduling;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "innstillinger" / "settings" in a team channel shows the team's pulse settings; saving them (Action.Execute) is
/// for the team's leaders, checked here on the server for both the card and the save.
/// </summary>
public sealed class PulseSettingsHandler(PulseRepository pulse, JobRepository jobs, PulseAccess access, TimeProvider clock)
{
    public async Task ShowAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var (t, language) = TextsFor(turnContext);
        var (caller, settings, refusal) = await access.RequireAsync(turnContext.Activity, Role.Leaders, "settings.leadersOnly", ct);
        if (refusal is not null)
        {
            await turnContext.SendActivityAsync(refusal, cancellationToken: ct);
            return;
        }
        await turnContext.SendActivityAsync(CardMessage.From(PulseSettingsCard.Build(View(settings!), caller!.TeamId, language)), ct);
    }

    public async Task<AdaptiveCardInvokeResponse> SaveAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var (t, language) = TextsFor(turnContext);
        var (caller, old, refusal) = await access.RequireAsync(turnContext.Activity, Role.Leaders, "settings.leadersOnly", ct);
        var data = CardData.Of(invoke);
        if (refusal is not null || CardData.String(data, "team") != caller!.TeamId)
        {
            return InvokeResponses.Message(refusal ?? t["error.notAllowed"]);
        }
        if (!TimeOnly.TryParseExact(CardData.String(data, "time"), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || time < old!.QuietBefore || time >= old.QuietAfter) // the team's working hours (default 08:00–20:00)
        {
            return InvokeResponses.Message(t["settings.error.time"]);
        }
        var openDays = CardData.Int(data, "openDays");
        var minAnswers = CardData.Int(data, "minAnswers");
        if (openDays is not (>= 1 and <= 7) || minAnswers is not (>= PulseSettings.LowestMinAnswers and <= 50)
            || !Enum.TryParse<DayOfWeek>(CardData.String(data, "day"), out var day) || !Enum.IsDefined(day))
        {
            return InvokeResponses.Message(t["settings.error.numbers"]);
        }
        var themes = (CardData.String(data, "themes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(QuestionTheme.All.Contains).Distinct().ToList();

        var updated = old! with { Day = day, Time = time, OpenDays = openDays.Value, MinAnswers = minAnswers.Value, Themes = themes };
        await pulse.SaveSettingsAsync(updated, ct);
        var next = await RescheduleAsync(old!, updated, ct);
        var notice = t.Format("settings.saved", PulseCalendar.Describe(updated, next, language));
        return InvokeResponses.Card(PulseSettingsCard.Build(View(updated), caller.TeamId, language, notice));
    }

    /// <summary>Moves the team's next round to the new slot; returns when it is due.</summary>
    private async Task<DateTimeOffset> RescheduleAsync(PulseSettings old, PulseSettings updated, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var oldJob = PulseJobs.Post(old, PulseCalendar.NextSlot(old, now));
        var newJob = PulseJobs.Post(updated, PulseCalendar.NextSlot(updated, now));
        if (oldJob.JobId == newJob.JobId)
        {
            await jobs.RescheduleAsync(newJob.JobId, newJob.DueAt, ct); // same week: same job, new time
        }
        else
        {
            await jobs.CancelAsync(oldJob.JobId, ct);
            await jobs.ScheduleAsync(newJob, ct);
        }
        return newJob.DueAt;
    }

    private static PulseSettingsView View(PulseSettings s) => new(s.Day, s.Time, s.OpenDays, s.MinAnswers, s.Themes);

    private static (Texts, Language) TextsFor(ITurnContext turnContext)
    {
        var language = LanguageResolver.FromLocale(turnContext.Activity.Locale);
        return (Texts.For(language), language);
    }
}
