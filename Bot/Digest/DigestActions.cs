using System.Globalization;
using CareCompanion.Bot.Goals;
using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Digest;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Teams;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Digest;

/// <summary>
/// What a leader does in the digest: answer an idea (the same route gate and decision as on the idea card; the digest
/// comes back updated in place), ask a team about a goal, and turn the weekly digest off or on.
/// </summary>
public sealed class DigestActions(IdeaDecisions decisions, DigestBuilder builder, DigestRepository digests, GoalRepository goals,
    TeamRepository teams, JobRepository jobs, TimeProvider clock)
{
    public async Task<Reply> DecideAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var (decided, refusal) = await decisions.DecideAsync(turn, ct);
        if (decided is null) return Reply.Text(refusal!);
        var now = clock.GetUtcNow();
        var since = DateTimeOffset.TryParse(turn.Payload<IdeaDecisionPayload>()?.Since, CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
            ? s : now - DigestCommands.Period;
        var view = await builder.ForPersonAsync(decided.TenantId, turn.PersonId!, since, now, ct);
        var weekly = !await digests.IsOffAsync(decided.TenantId, turn.PersonId!, ct);
        return view is null ? Reply.Text(t["idea.decided"]) : Reply.Card(DigestCard.Build(view, t.Language, t["idea.decided"], weekly));
    }

    /// <summary>"Ask the team how it is going": the goal's check-in card goes to the team's channel now (once a day at most).</summary>
    public async Task<Reply> AskTeamAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        if (turn.Payload<GoalRef>() is not { } reference) return Reply.Text(t["error.notAllowed"]);
        var goal = await goals.GetAsync(caller.TenantId, caller.TeamId, reference.Goal, ct);
        var team = await teams.GetAsync(caller.TenantId, caller.TeamId, ct);
        if (goal is null || goal.Closed || team is null) return Reply.Text(t["goal.error.notFound"]);
        var now = clock.GetUtcNow();
        await jobs.ScheduleAsync(GoalJobs.Ask(goal, team.TimeZone, TeamCalendar.DateAt(now, team.TimeZone), now), ct);
        return Reply.Text(t["digest.asked"]);
    }

    public async Task<Reply> SetCadenceAsync(Turn turn, CancellationToken ct)
    {
        var cadence = turn.Payload<DigestCadencePayload>()?.Cadence;
        if (cadence is not ("off" or "weekly")) return Reply.Text(turn.T["error.notAllowed"]);
        await digests.SetOffAsync(turn.TenantId!, turn.PersonId!, cadence == "off", ct);
        return Reply.Text(turn.T[cadence == "off" ? "digest.off" : "digest.on"]);
    }
}
