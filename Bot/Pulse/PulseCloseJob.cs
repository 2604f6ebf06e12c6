using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Delivery;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;
using CareCompanion.Bot.Delivery;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// Closes a round: the question card in the channel is replaced by the result, with numbers only when at least
/// the team's minimum answered, and never the comments; the team's leaders and coaches get the result with the
/// comments in their personal chat, as the agenda for the reflection meeting.
/// </summary>
public sealed class PulseCloseJob(PulseRepository pulse, TeamRepository teams, DeliveryRepository deliveries, RoleRepository roles, PersonalChats personalChats) : IJobHandler
{
    public string Kind => PulseJobs.CloseKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = PulseJobs.CloseKind.Read(job);
        var round = await pulse.GetRoundAsync(job.TenantId, payload.TeamId, payload.RoundId!, ct);
        var team = await teams.GetAsync(job.TenantId, payload.TeamId, ct);
        if (round is null || team is null) return [];
        // The round's own question: a team question deleted since, or a library question retired, must not stop the
        // round from closing (and its answers from being unlinked) on every retry.
        var question = PulseQuestions.Find(round);
        // Only the answers of those who do not see the results count: a leader and a coach cannot fill the threshold
        // themselves and then read the one colleague's answer.
        var answers = (await pulse.ListAnswersAsync(round, ct)).Where(a => !a.Viewer).ToList();
        var result = PulseResults.Aggregate(answers);
        await pulse.SaveRoundAsync(round with { Closed = true, Answers = result.Answers, Distribution = result.Distribution }, ct);
        if (question is null)
        {
            await pulse.UnlinkAnswersAsync(round with { Closed = true, Answers = result.Answers, Distribution = result.Distribution }, ct);
            return [];
        }
        var channel = TeamChannel.Of(team);
        var card = PulseCards.Result(question, TeamChannel.LanguageOf(team), result, round.MinAnswers);
        var posted = await deliveries.GetAsync(round.TenantId, round.PostJobId, round.ConversationId, ct);
        var comments = answers.Select(a => a.Comment).OfType<string>().ToArray();
        Random.Shared.Shuffle(comments); // no order to link a comment to when someone answered
        // Comments go to the team's leaders and coaches, nobody else.
        var readers = (await roles.ListAsync(round.TenantId, round.TeamId, ct)).Where(h => h.Roles.Overlaps(Role.ReadComments)).Select(Recipient.Of);
        var summaries = await personalChats.TellAsync(channel, readers,
            (_, t) => PulseCards.LeaderSummary(question, t.Language, result, round.MinAnswers, round.MinComments, comments), ct);
        await pulse.UnlinkAnswersAsync(round with { Closed = true, Answers = result.Answers, Distribution = result.Distribution }, ct);
        return [new(channel, CardMessage.From(card), posted?.ActivityId), .. summaries];
    }
}
