using CareCompanion.Bot.Digest;
using CareCompanion.Bot.Hms;
using CareCompanion.Bot.Pulse;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Handover;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Handover;

/// <summary>
/// What a new leader needs to know about a team, read from the features that own it: open ideas (titles, status and
/// age; never who sent them), the digest's goals at risk, the circle under way, the last results above the threshold
/// and the HMS group's members.
/// </summary>
public sealed class HandoverBuilder(IdeaRepository ideas, GoalRepository goals, CircleRepository circles, PulseRepository pulse, HmsRepository groups,
    TeamRepository teams)
{
    /// <summary>The closed rounds looked at for results: about a month of weekly rounds.</summary>
    public const int Rounds = 4;

    public async Task<HandoverView> ForTeamAsync(string tenantId, string teamId, DateTimeOffset now, CancellationToken ct)
    {
        var team = await teams.GetAsync(tenantId, teamId, ct);
        var teamIdeas = await ideas.ListTeamAsync(tenantId, teamId, ct);
        var name = team?.Name ?? teamIdeas.Select(i => i.TeamName).FirstOrDefault(n => n is not null) ?? "";
        var open = teamIdeas.Where(i => !IdeaStatus.IsClosed(i.Status)).OrderBy(i => i.CreatedAt)
            .Select(i => new HandoverIdea(i.Title, i.Status, (int)(now - i.CreatedAt).TotalDays))
            .ToList();
        var today = TeamCalendar.DateAt(now, team?.TimeZone ?? Team.DefaultTimeZone);
        var atRisk = DigestBuilder.NeedingAttention(await goals.ListTeamAsync(tenantId, teamId, ct), today, name);
        var circle = await circles.ActiveAsync(tenantId, teamId, ct);
        var group = await groups.GroupOfTeamAsync(tenantId, teamId, ct);
        return new HandoverView(name, open, atRisk,
            circle is null ? null : new HandoverCircle(circle.Topic, CirclePhases.Names[Math.Min(circle.Phase, CirclePhases.Test)]),
            await ResultsAsync(tenantId, teamId, ct),
            group is null ? [] : HmsGroupCards.View(group).Members);
    }

    /// <summary>The last closed rounds that reached their threshold, newest first; a round below it is left out, not shown as "too few".</summary>
    private async Task<IReadOnlyList<HandoverResult>> ResultsAsync(string tenantId, string teamId, CancellationToken ct) =>
    [
        .. (await pulse.ListClosedRoundsAsync(tenantId, teamId, Rounds, ct))
            .Where(PulseResults.AboveThreshold)
            .Reverse()
            .Select(round => (Round: round, Question: PulseQuestions.Find(round), Result: PulseResults.Of(round)))
            .Where(r => r.Question is not null)
            .Select(r => new HandoverResult(AnchorTrend.WeekNumber(r.Round.RoundId), r.Question!, r.Question!.HasScale ? r.Result.Mean : null, r.Result.Answers)),
    ];
}
