using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// Opens the week's round: picks the next question in the team's rotation, stores the round, schedules its closing
/// and next week's round, and plans the question card for the team's channel.
/// </summary>
public sealed class PulsePostJob(PulseRepository pulse, TeamRepository teams, JobRepository jobs, TimeProvider clock) : IJobHandler
{
    public string Kind => PulseJobs.PostKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var teamId = PulseJobs.PostKind.Read(job).TeamId;
        var settings = await pulse.GetSettingsAsync(job.TenantId, teamId, ct);
        var team = await teams.GetAsync(job.TenantId, teamId, ct);
        if (settings is null || !settings.Enabled || team is null) return [];

        // One round per team and week. Planning the same job again (after a crash) finds the round it made.
        var roundId = TeamCalendar.WeekOf(team.TimeZone, job.DueAt);
        var round = await pulse.GetRoundAsync(settings.TenantId, settings.TeamId, roundId, ct);
        if (round is null)
        {
            var now = clock.GetUtcNow();
            var next = PulseQuestions.Next(settings);
            round = new PulseRound
            {
                TenantId = settings.TenantId,
                TeamId = settings.TeamId,
                RoundId = roundId,
                QuestionId = next.Id,
                OwnQuestion = settings.TeamQuestions.FirstOrDefault(q => q.Id == next.Id),
                TimeZone = team.TimeZone,
                OpenedAt = now,
                ClosesAt = now.AddDays(settings.OpenDays),
                PostJobId = job.JobId,
                ConversationId = team.ConversationId,
                MinAnswers = settings.MinAnswers,
                MinComments = Math.Max(settings.MinComments, settings.MinAnswers),
            };
            await pulse.SaveRoundAsync(round, ct);
            // A new rotation starts once every question in the team's themes has been asked.
            var asked = settings.Asked.Contains(next.Id) ? [next.Id] : settings.Asked.Append(next.Id).ToList();
            await pulse.SaveSettingsAsync(settings with { Asked = asked }, ct);
        }
        var question = PulseQuestions.Find(settings, round.QuestionId)!;
        await jobs.ScheduleAsync(PulseJobs.Close(round), ct);
        await jobs.ScheduleAsync(PulseJobs.Next(settings, team, job.DueAt.AddMinutes(1)), ct);

        var language = TeamChannel.LanguageOf(team);
        var view = new PulseRoundView(round.RoundId, settings.TeamId, TeamCalendar.Describe(team.TimeZone, round.ClosesAt, language));
        return [new PlannedMessage(TeamChannel.Of(team), CardMessage.From(PulseCards.Question(question, language, view)))];
    }
}
