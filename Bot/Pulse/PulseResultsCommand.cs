using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using Microsoft.Bot.Builder;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "resultater" / "results" in a team channel: the last 12 closed rounds, for the team's leaders, coaches and partner
/// roles. Only aggregates, and only above each round's threshold; comments never appear here.
/// </summary>
public sealed class PulseResultsCommand(PulseRepository pulse, TeamRoles roles)
{
    public const int Rounds = 12;

    public async Task HandleAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var language = LanguageResolver.FromLocale(turnContext.Activity.Locale);
        var (caller, refusal) = await roles.RequireAsync(turnContext.Activity, Role.SeeAggregates, "results.rolesOnly", ct);
        if (caller is null)
        {
            await turnContext.SendActivityAsync(refusal, cancellationToken: ct);
            return;
        }
        var settings = await pulse.GetSettingsAsync(caller.TenantId, caller.TeamId, ct);
        var rounds = settings is null ? [] : await pulse.ListClosedRoundsAsync(caller.TenantId, caller.TeamId, Rounds, ct);
        var rows = rounds
            .Select(r => (Round: r, Question: PulseQuestions.Find(settings!, r.QuestionId)))
            .Where(r => r.Question is not null)
            .Select(r => new PulseTrendRow(WeekNumber(r.Round.RoundId), r.Question!, PulseResults.Of(r.Round), r.Round.MinAnswers))
            .ToList();
        await turnContext.SendActivityAsync(CardMessage.From(PulseTrendCard.Build(rows, language)), ct);
    }

    // Round ids are ISO weeks: "2026-W49".
    private static int WeekNumber(string roundId) => int.TryParse(roundId[(roundId.IndexOf('W') + 1)..], out var week) ? week : 0;
}
