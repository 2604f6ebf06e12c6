using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Networks;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// An improvement circle's result as a practice card's source: the topic, the proposal the team picked, and what the
/// group made of it with its status now. Only these leave the team: never the worksheets, nor the inputs (which may
/// be anonymous) or who wrote them.
/// </summary>
public sealed class CircleResults(CircleRepository circles, IdeaRepository ideas, GoalRepository goals)
{
    /// <summary>The team's circles whose vote has picked a proposal, newest first.</summary>
    public async Task<IReadOnlyList<PracticeSourceChoice>> ChoicesAsync(string tenantId, string teamId, Texts t, CancellationToken ct) =>
        [.. (await circles.ListAsync(tenantId, teamId, ct)).Where(c => c.Picked is not null).OrderByDescending(c => c.StartedAt).Take(20)
            .Select(c => new PracticeSourceChoice($"{PracticeSource.Circle}:{c.CircleId}", $"{t["practice.source.circle"]} {c.Topic}"))];

    /// <summary>What, why and result as the circle tells them, in the sharer's language; null for a circle without a pick.</summary>
    public async Task<(string What, string Why, string Result)?> DescribeAsync(string tenantId, string teamId, string circleId, Texts t, CancellationToken ct)
    {
        if (await circles.GetAsync(tenantId, teamId, circleId, ct) is not { Picked: { } picked } circle) return null;
        var result = t["practice.circle.notMade"];
        if (circle.IdeaId is { } ideaId && await ideas.GetAsync(tenantId, teamId, ideaId, ct) is { } idea)
        {
            result = t.Format("practice.circle.idea", t[$"idea.status.{idea.Status}"]);
        }
        else if (circle.GoalId is { } goalId && await goals.GetAsync(tenantId, teamId, goalId, ct) is { } goal)
        {
            var status = goal.Closed ? t["practice.circle.goalClosed"]
                : goal.Latest is { } latest ? t.Format("practice.circle.checkIn", t[$"goal.status.{latest.Status}"]) : t["goal.card.noCheckIns"];
            result = $"{t.Format("practice.circle.goal", Date(goal.Deadline))} {status}";
        }
        return (picked, t.Format("practice.circle.why", circle.Topic), result);
    }
}
