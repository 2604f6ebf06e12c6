using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Delivery;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// Closes a round: the question card in the channel is replaced by the result, with numbers only when at least
/// the team's minimum answered, and never the comments.
/// </summary>
public sealed class PulseCloseJob(PulseRepository pulse, DeliveryRepository deliveries) : IJobHandler
{
    public string Kind => PulseJobs.CloseKind;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = PulseJobs.Read(job);
        var settings = await pulse.GetSettingsAsync(job.TenantId, payload.TeamId, ct);
        var round = await pulse.GetRoundAsync(job.TenantId, payload.TeamId, payload.RoundId!, ct);
        if (settings is null || round is null) return [];
        var question = QuestionLibrary.Find(round.QuestionId)!;
        var result = PulseResults.Aggregate(await pulse.ListAnswersAsync(round, ct));
        await pulse.SaveRoundAsync(round with { Closed = true, Answers = result.Answers, Distribution = result.Distribution }, ct);
        var card = PulseCards.Result(question, LanguageResolver.FromLocale(settings.Locale), result, round.MinAnswers);
        var posted = await deliveries.GetAsync(round.TenantId, round.PostJobId, round.ConversationId, ct);
        return [new PlannedMessage(PulseConversation.Of(settings), CardMessage.From(card), posted?.ActivityId)];
    }
}
