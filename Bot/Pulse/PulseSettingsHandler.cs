using System.Globalization;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "innstillinger" / "settings" in a team channel shows the team's pulse settings; saving them (Action.Execute) is
/// for the team's leaders: both routes declare it, and the role gate checks it on the server.
/// </summary>
public sealed class PulseSettingsHandler(PulseRepository pulse, TeamRepository teams, JobRepository jobs, TimeProvider clock)
{
    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var settings = await pulse.GetSettingsAsync(turn.Caller!.TenantId, turn.Caller.TeamId, ct);
        return settings is null ? Reply.Text(turn.T["command.teamOnly"]) : Reply.Card(PulseSettingsCard.Build(View(settings), turn.Caller.TeamId, turn.Language));
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
        if (openDays is not (>= 1 and <= 7) || minAnswers is not (>= PulseSettings.LowestMinAnswers and <= 50)
            || minComments is not (>= PulseSettings.LowestMinComments and <= 50)
            || !Enum.TryParse<DayOfWeek>(data.Day, out var day) || !Enum.IsDefined(day))
        {
            return Reply.Text(t["settings.error.numbers"]);
        }
        var themes = (data.Themes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(QuestionTheme.All.Contains).Distinct().ToList();

        var delivery = PulseDelivery.All.Contains(data.Delivery) ? data.Delivery! : old.Delivery;

        var updated = old with
        {
            Day = day, Time = time, OpenDays = openDays.Value, MinAnswers = minAnswers.Value, MinComments = minComments.Value, Themes = themes, Delivery = delivery,
        };
        await pulse.SaveSettingsAsync(updated, ct);
        var next = await RescheduleAsync(old, updated, team, ct);
        var notice = t.Format("settings.saved", TeamCalendar.Describe(team.TimeZone, next, turn.Language));
        return Reply.Card(PulseSettingsCard.Build(View(updated), turn.Caller.TeamId, turn.Language, notice));
    }

    /// <summary>Moves the team's next round to the new slot; returns when it is due.</summary>
    private async Task<DateTimeOffset> RescheduleAsync(PulseSettings old, PulseSettings updated, Team team, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var oldJob = PulseJobs.Next(old, team, now);
        var newJob = PulseJobs.Next(updated, team, now);
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

    private static PulseSettingsView View(PulseSettings s) => new(s.Day, s.Time, s.OpenDays, s.MinAnswers, s.MinComments, s.Themes, s.Delivery);
}
