using System.Globalization;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "innstillinger" / "settings" in a team channel shows the team's pulse settings and the language of its channel posts;
/// saving them (Action.Execute) is for the team's leaders: both routes declare it, and the role gate checks it on the server.
/// </summary>
public sealed class PulseSettingsHandler(PulseRepository pulse, TeamRepository teams, JobRepository jobs, PulseNextRound nextRound, TimeProvider clock)
{
    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var settings = await pulse.GetSettingsAsync(turn.Caller!.TenantId, turn.Caller.TeamId, ct);
        var team = await teams.GetAsync(turn.Caller.TenantId, turn.Caller.TeamId, ct);
        return settings is null || team is null
            ? Reply.Text(turn.T["command.teamOnly"])
            : Reply.Card(PulseSettingsCard.Build(View(settings, team), turn.Caller.TeamId, turn.Language));
    }

    public async Task<Reply> SaveAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var data = turn.Payload<PulseSettingsPayload>();
        var old = await pulse.GetSettingsAsync(turn.Caller!.TenantId, turn.Caller.TeamId, ct);
        var team = await teams.GetAsync(turn.Caller.TenantId, turn.Caller.TeamId, ct);
        if (old is null || team is null) return Reply.Text(t["command.teamOnly"]);
        if (data is null) return Reply.Text(t["error.notAllowed"]);
        if (!TimeOnly.TryParseExact(data.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || time < old.QuietBefore || time >= old.QuietAfter) // the team's working hours (default 08:00–20:00)
        {
            return Reply.Text(t["settings.error.time"]);
        }
        var openDays = CardNumbers.Whole(data.OpenDays);
        var minAnswers = CardNumbers.Whole(data.MinAnswers);
        var minComments = data.MinComments is null ? old.MinComments : CardNumbers.Whole(data.MinComments);
        var anchorEvery = data.AnchorEvery is null ? old.AnchorEvery : CardNumbers.Whole(data.AnchorEvery);
        if (openDays is not (>= 1 and <= 7) || minAnswers is not (>= PulseSettings.LowestMinAnswers and <= 50)
            || minComments is not (>= PulseSettings.LowestMinComments and <= 50)
            || anchorEvery is not (>= PulseSettingsLimits.LowestAnchorEvery and <= PulseSettingsLimits.HighestAnchorEvery)
            || !Enum.TryParse<DayOfWeek>(data.Day, out var day) || !Enum.IsDefined(day))
        {
            return Reply.Text(t["settings.error.numbers"]);
        }
        // A card from before the language was on it sends none: the team keeps its language.
        var teamLanguage = data.Language is null ? TeamChannel.LanguageOf(team) : LanguageResolver.FromCode(data.Language);
        if (teamLanguage is null) return Reply.Text(t["error.notAllowed"]);
        var themes = (data.Themes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(QuestionTheme.All.Contains).Distinct().ToList();

        var delivery = PulseDelivery.All.Contains(data.Delivery) ? data.Delivery! : old.Delivery;

        // The leader's fields on the settings as stored now: a round opening meanwhile keeps its rotation.
        var updated = await pulse.UpdateSettingsAsync(old.TenantId, old.TeamId, current => current with
        {
            Day = day, Time = time, OpenDays = openDays.Value, MinAnswers = minAnswers.Value, MinComments = minComments.Value, Themes = themes, Delivery = delivery,
            AnchorEvery = anchorEvery.Value,
        }, ct);
        if (updated is null) return Reply.Text(t["command.teamOnly"]);
        if (teamLanguage != TeamChannel.LanguageOf(team)) await teams.SaveAsync(team = team with { Language = teamLanguage.Value.Code() }, ct);
        var next = await RescheduleAsync(old, updated, team, ct);
        var notice = t.Format("settings.saved", TeamCalendar.Describe(team.TimeZone, next, turn.Language));
        return Reply.Card(PulseSettingsCard.Build(View(updated, team), turn.Caller.TeamId, turn.Language, notice));
    }

    /// <summary>Moves the team's next round to the new slot; returns when it is due.</summary>
    private async Task<DateTimeOffset> RescheduleAsync(PulseSettings old, PulseSettings updated, Team team, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var oldJob = await nextRound.FindAsync(old, team, now, ct);
        var newJob = await nextRound.FindAsync(updated, team, now, ct);
        // Same week: same job, new time. Otherwise (or when that job is missing) the old week's is called off and the new one added.
        if (oldJob.JobId == newJob.JobId && await jobs.RescheduleAsync(newJob.JobId, newJob.DueAt, ct)) return newJob.DueAt;
        if (oldJob.JobId != newJob.JobId) await jobs.CancelAsync(oldJob.JobId, ct);
        await jobs.ScheduleAsync(newJob, ct);
        return newJob.DueAt;
    }

    private static PulseSettingsView View(PulseSettings s, Team team) =>
        new(s.Day, s.Time, s.OpenDays, s.MinAnswers, s.MinComments, s.Themes, s.Delivery, TeamChannel.LanguageOf(team), s.AnchorEvery);
}
