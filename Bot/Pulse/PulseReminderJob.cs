using CareCompanion.Bot.Scheduling;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// A day before a round closes: the question once more in the personal chat of each member who wants reminders, worded
/// "if you have not answered yet". Everyone gets the same: the job keeps no record of who answered and never reads the
/// answers, so it picks nobody out.
/// </summary>
public sealed class PulseReminderJob(PulseRepository pulse, TeamRepository teams, PulsePersonalPrompts personal, TimeProvider clock) : IJobHandler
{
    public string Kind => PulseJobs.RemindKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = PulseJobs.RemindKind.Read(job);
        var settings = await pulse.GetSettingsAsync(job.TenantId, payload.TeamId, ct);
        var round = await pulse.GetRoundAsync(job.TenantId, payload.TeamId, payload.RoundId!, ct);
        var team = await teams.GetAsync(job.TenantId, payload.TeamId, ct);
        if (settings is not { Enabled: true } || round is null || team is null || !PulseDelivery.ToPeople(settings.Delivery)) return [];
        if (round.Closed || round.ClosesAt <= clock.GetUtcNow() || PulseQuestions.Find(settings, round.QuestionId) is not { } question) return [];
        return await personal.PlanAsync(team, round, question, reminder: true, ct);
    }
}
