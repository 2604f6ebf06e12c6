using System.Globalization;
using CareCompanion.Bot.Pulse;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Hms;

/// <summary>
/// The improvement circle: the HMS group starts it and sets each workshop's time; after a workshop anyone in the team
/// writes the worksheet, which becomes the baton; colleagues add inputs (anonymous ones without any author) until the
/// next workshop; in "Skape" each person has one vote (<see cref="CirclePicks"/> makes the pick a goal or an idea).
/// </summary>
public sealed class CircleActions(CircleRepository circles, HmsRepository groups, TeamRepository teams, JobRepository jobs, AnswerKeys keys, TimeProvider clock)
{
    public async Task<Reply> StartAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        var data = turn.Payload<CircleStartPayload>();
        var topic = data?.Topic?.Trim();
        var group = (await groups.GroupOfTeamAsync(caller.TenantId, caller.TeamId, ct))!;
        if (string.IsNullOrEmpty(topic) || topic.Length > HmsVerbs.MaxTopic || group.Teams.All(team => team.TeamId != data!.CircleTeam)) return Reply.Text(t["circle.error.start"]);
        var teamId = data!.CircleTeam!;
        var circleId = StableIds.For(caller.TenantId, turn.ActivityId);
        if (await circles.ActiveAsync(caller.TenantId, teamId, ct) is { } running && running.CircleId != circleId) return Reply.Text(t["circle.running"]);
        var circle = new Circle
        {
            TenantId = caller.TenantId,
            TeamId = teamId,
            CircleId = circleId,
            Topic = topic,
            GroupTeamId = group.TeamId,
            StartedAt = clock.GetUtcNow(),
            Phases = [new CirclePhase(CirclePhases.Explore)],
        };
        await circles.TryAddAsync(circle, ct);
        await jobs.ScheduleAsync(Prepare(circle, CirclePhases.Explore), ct);
        return await HmsGroupCards.ReplyAsync(turn, group, t["circle.started"], ct);
    }

    public async Task<Reply> ScheduleAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        if (turn.Payload<CircleSchedulePayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);
        var team = await teams.GetAsync(caller.TenantId, caller.TeamId, ct);
        var circle = await circles.GetAsync(caller.TenantId, caller.TeamId, data.Circle, ct);
        if (circle is null || team is null || circle.Phase != data.Phase) return Reply.Text(t["circle.notFound"]);
        if (!DateOnly.TryParseExact(data.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TimeOnly.TryParseExact(data.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || TeamCalendar.At(date, time, team.TimeZone) is var at && at <= clock.GetUtcNow())
        {
            return Reply.Card(CircleCards.Preparation(CircleViews.Of(circle, team, t.Language), t.Language, t["circle.error.time"]));
        }
        var changed = await circles.ChangeOnceAsync(caller.TenantId, caller.TeamId, circle.CircleId, turn.ActivityId, c => c.Phase != data.Phase ? null
            : c with { Phases = [.. c.Phases.Select(p => p.Phase == data.Phase ? p with { WorkshopAt = at, Version = p.Version + 1 } : p)] }, ct);
        if (changed.Record is not { } stored || stored.PhaseOf(data.Phase) is not { } phase) return Reply.Text(t["circle.notFound"]);
        await jobs.ScheduleAsync(HmsJobs.WorkshopKind.Create(caller.TenantId, at, new HmsJobs.CirclePayload(stored.TeamId, stored.CircleId, phase.Phase, phase.Version),
            stored.TeamId, stored.CircleId, phase.Phase, phase.Version), ct);
        return Reply.Card(CircleCards.Preparation(CircleViews.Of(stored, team, t.Language), t.Language, t["circle.scheduled"]));
    }

    public async Task<Reply> WorksheetAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        if (turn.Payload<CircleWorksheetPayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);
        var cameUp = data.CameUp?.Trim();
        var proposals = (data.Proposals ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (string.IsNullOrEmpty(cameUp) || cameUp.Length > HmsVerbs.MaxCameUp || (data.Proposals?.Length ?? 0) > HmsVerbs.MaxProposals
            || proposals.Length > HmsVerbs.MaxProposalCount)
        {
            return Reply.Text(t["circle.error.worksheet"]);
        }
        var circle = await circles.GetAsync(caller.TenantId, caller.TeamId, data.Circle, ct);
        if (circle?.PhaseOf(data.Phase) is not { } phase || phase.WorkshopAt is not { } at || at > clock.GetUtcNow()) return Reply.Text(t["circle.notFound"]);
        if (phase.CameUp is not null || circle.Phase != data.Phase) return Reply.Text(t["circle.worksheet.already"]);

        var next = data.Phase + 1;
        var changed = await circles.ChangeOnceAsync(caller.TenantId, caller.TeamId, circle.CircleId, turn.ActivityId, c => c.Phase != data.Phase ? null : c with
        {
            Phase = next,
            Phases = [.. c.Phases.Select(p => p.Phase == data.Phase ? p with { CameUp = cameUp, Proposals = proposals } : p), .. next < CirclePhases.Done ? [new CirclePhase(next)] : Array.Empty<CirclePhase>()],
        }, ct);
        if (!changed.Applied) return Reply.Text(t["circle.worksheet.already"]);
        var stored = changed.Record!;
        if (next < CirclePhases.Done) await jobs.ScheduleAsync(Prepare(stored, next), ct);
        return await BatonAsync(stored, data.Phase, t, t[next < CirclePhases.Done ? "circle.worksheet.done" : "circle.done"], ct);
    }

    public async Task<Reply> InputAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        if (turn.Payload<CircleInputPayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);
        var text = data.Input?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > HmsVerbs.MaxInput) return Reply.Text(t["circle.error.input"]);
        var anonymous = data.Anonymous == "true";
        var input = new CircleInput(text, anonymous ? null : caller.UserAadObjectId, anonymous ? null : turn.UserName ?? "", clock.GetUtcNow());
        var changed = await circles.ChangeOnceAsync(caller.TenantId, caller.TeamId, data.Circle, turn.ActivityId, c => !OpenForInput(c, data.Phase) ? null : c with
        {
            Phases = [.. c.Phases.Select(p => p.Phase == data.Phase ? p with { Inputs = [.. p.Inputs, input] } : p)],
        }, ct);
        if (!changed.Applied) return Reply.Text(t["circle.closed"]);
        return await BatonAsync(changed.Record!, data.Phase, t, t["circle.input.added"], ct);
    }

    /// <summary>
    /// One vote per person, changeable until the "Teste" workshop: keyed by an HMAC of the circle and the person with the
    /// app's secret, so a second tap replaces the first and the stored votes name nobody.
    /// </summary>
    public async Task<Reply> VoteAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        if (turn.Payload<CircleVotePayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);
        var voter = keys.Keyed($"{caller.TenantId}|{caller.TeamId}|circle|{data.Circle}|{caller.UserAadObjectId}");
        var changed = await circles.ChangeOnceAsync(caller.TenantId, caller.TeamId, data.Circle, turn.ActivityId, c =>
            c.Picked is not null || c.PhaseOf(CirclePhases.Create) is not { CameUp: not null } sheet || data.Proposal < 0 || data.Proposal >= sheet.Proposals.Count
                ? null
                : c with { Votes = new Dictionary<string, int>(c.Votes) { [voter] = data.Proposal } }, ct);
        if (!changed.Applied) return Reply.Text(t["circle.closed"]);
        return await BatonAsync(changed.Record!, CirclePhases.Create, t, t["circle.voted"], ct);
    }

    /// <summary>Inputs go on a worksheet until the next phase's workshop has begun.</summary>
    private bool OpenForInput(Circle circle, int phase) =>
        circle.PhaseOf(phase) is { CameUp: not null } && (circle.PhaseOf(phase + 1)?.WorkshopAt is not { } next || next > clock.GetUtcNow());

    private async Task<Reply> BatonAsync(Circle circle, int phase, Texts t, string notice, CancellationToken ct)
    {
        var team = await teams.GetAsync(circle.TenantId, circle.TeamId, ct);
        var view = CircleViews.Of(circle, team, t.Language);
        return Reply.Card(CircleCards.Baton(view, CircleViews.Sheet(circle, circle.PhaseOf(phase)!), t.Language, notice));
    }

    private Storage.Scheduling.ScheduledJob Prepare(Circle circle, int phase) =>
        HmsJobs.PrepareKind.Create(circle.TenantId, clock.GetUtcNow(), new HmsJobs.CirclePayload(circle.TeamId, circle.CircleId, phase), circle.TeamId, circle.CircleId, phase);
}
