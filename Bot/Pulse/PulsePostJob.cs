using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// Opens the week's round: picks the next question in the team's rotation, stores the round, schedules its reminder,
/// its closing and next week's round, and plans the question card for the team's channel and each member's personal
/// chat, as the team chose.
/// </summary>
public sealed class PulsePostJob(PulseRepository pulse, TeamRepository teams, JobRepository jobs, PulsePersonalPrompts personal, PulseNextRound nextRounds,
    TimeProvider clock)
    : IJobHandler
{
    public string Kind => PulseJobs.PostKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var teamId = PulseJobs.PostKind.Read(job).TeamId;
        var settingsRead = pulse.GetSettingsWithVersionAsync(job.TenantId, teamId, ct);
        var team = await teams.GetAsync(job.TenantId, teamId, ct);
        var versioned = await settingsRead;
        if (versioned?.Settings is not { Enabled: true } settings || team is null) return [];

        // One round per team and week. Planning the same job again (after a crash) finds the round it made.
        var roundId = TeamCalendar.WeekOf(team.TimeZone, job.DueAt);
        var roundRead = pulse.GetRoundAsync(settings.TenantId, settings.TeamId, roundId, ct);
        // This job's own week counts as run (the job is running), so a round asked early leaves no slot in its week.
        var nextRound = await nextRounds.FindAsync(settings, team, job.DueAt.AddMinutes(1), ct);
        var round = await roundRead;
        Task rotationStored = Task.CompletedTask;
        if (round is null)
        {
            var now = clock.GetUtcNow();
            var (next, rotated) = PulseRotation.Next(settings);
            round = new PulseRound
            {
                TenantId = settings.TenantId,
                TeamId = settings.TeamId,
                RoundId = roundId,
                QuestionId = next.Id,
                OwnQuestion = settings.TeamQuestions.FirstOrDefault(q => q.Id == next.Id),
                TimeZone = team.TimeZone,
                OpenedAt = now,
                // A round asked early ("spør nå") closes when the next one opens at the latest: one open question at a time.
                ClosesAt = new[] { now.AddDays(settings.OpenDays), nextRound.DueAt }.Min(),
                PostJobId = job.JobId,
                ConversationId = team.ConversationId,
                MinAnswers = settings.MinAnswers,
                MinComments = Math.Max(settings.MinComments, settings.MinAnswers),
            };
            await pulse.SaveRoundAsync(round, ct);
            // Only the rotation is this job's to write: what a leader changed since the job read the settings stays.
            rotationStored = pulse.UpdateSettingsAsync(settings.TenantId, settings.TeamId,
                current => current with { Asked = rotated.Asked, RoundsSinceAnchor = rotated.RoundsSinceAnchor, LastAnchor = rotated.LastAnchor },
                versioned, ct);
        }
        var question = PulseQuestions.Find(settings, round.QuestionId)!;
        // Together, and beside the rotation's write: one after another, a national Monday's 10,000 rounds each waited for
        // eight more round trips.
        await Task.WhenAll(rotationStored,
            jobs.ScheduleManyAsync(new[] { PulseJobs.Remind(round), PulseJobs.Close(round), nextRound }.OfType<ScheduledJob>(), ct));

        var planned = new List<PlannedMessage>();
        if (PulseDelivery.ToChannel(settings.Delivery))
        {
            var language = TeamChannel.LanguageOf(team);
            var view = new PulseRoundView(round.RoundId, settings.TeamId, TeamCalendar.Describe(team.TimeZone, round.ClosesAt, language));
            planned.Add(new PlannedMessage(TeamChannel.Of(team), CardMessage.From(PulseCards.Question(question, language, view))));
        }
        if (PulseDelivery.ToPeople(settings.Delivery)) planned.AddRange(await personal.PlanAsync(team, round, question, reminder: false, ct));
        return planned;
    }
}
