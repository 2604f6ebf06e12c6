using CareCompanion.Bot.Goals;
using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Hms;

/// <summary>
/// "Teste": a member of the HMS group makes the proposal the team picked either a goal (owners and a deadline) or an
/// idea being tried out. Either is linked to the circle both ways, and a circle's pick becomes one of them only.
/// </summary>
public sealed class CirclePicks(CircleRepository circles, TeamRepository teams, GoalActions goalActions, IdeaSubmissions submissions, TimeProvider clock)
{
    public async Task<Reply> GoalAsync(Turn turn, CancellationToken ct)
    {
        var (t, caller) = (turn.T, turn.Caller!);
        if (turn.Payload<CircleGoalPayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);
        if (await LoadAsync(turn, data.Circle, ct) is not (var circle, var team, var picked)) return Reply.Text(t["circle.notFound"]);
        var today = TeamCalendar.Today(clock, team);
        if (GoalActions.OwnersAndDeadline(data.Owners, data.Deadline, HmsVerbs.MaxOwners, today) is not (var owners, var deadline))
        {
            return Reply.Text(t["circle.error.goal"]);
        }
        var goalId = StableIds.For(caller.TenantId, turn.ActivityId);
        if (!await ClaimAsync(circle, c => c with { GoalId = goalId }, goalId, ct)) return await CardAsync(turn, team, circle.CircleId, ct);
        var goal = goalActions.NewGoal(turn, goalId, picked, owners, today, deadline) with { CircleId = circle.CircleId, CircleTopic = circle.Topic };
        await goalActions.CreateAsync(goal, team.TimeZone, ct);
        return await CardAsync(turn, team, circle.CircleId, ct);
    }

    /// <summary>The pick as an idea already being tried out, decided by the group member; posted in the channel like any new idea.</summary>
    public async Task<Reply> IdeaAsync(Turn turn, CancellationToken ct)
    {
        var (t, caller) = (turn.T, turn.Caller!);
        if (turn.Payload<CircleIdeaPayload>() is not { } data) return Reply.Text(t["error.notAllowed"]);
        if (await LoadAsync(turn, data.Circle, ct) is not (var circle, var team, var picked)) return Reply.Text(t["circle.notFound"]);
        if (!IdeaCategory.All.Contains(data.Category)) return Reply.Text(t["circle.error.idea"]);
        var ideaId = StableIds.For(caller.TenantId, turn.ActivityId);
        if (!await ClaimAsync(circle, c => c with { IdeaId = ideaId }, ideaId, ct)) return await CardAsync(turn, team, circle.CircleId, ct);
        var idea = submissions.NewIdea(turn, caller.TeamId, team.Name, ideaId, picked, data.Category!);
        var name = turn.UserName ?? "";
        var reason = Texts.For(TeamChannel.LanguageOf(team))["circle.idea.reason"];
        await submissions.AddAndPostAsync(idea with
        {
            Status = IdeaStatus.Trying,
            SubmitterName = name,
            History = [new IdeaDecision(IdeaStatus.Trying, reason, caller.UserAadObjectId, name, idea.CreatedAt)],
            CircleId = circle.CircleId,
            CircleTopic = circle.Topic,
        }, ct);
        return await CardAsync(turn, team, circle.CircleId, ct);
    }

    private async Task<(Circle Circle, Team Team, string Picked)?> LoadAsync(Turn turn, string circleId, CancellationToken ct)
    {
        var caller = turn.Caller!;
        var team = await teams.GetAsync(caller.TenantId, caller.TeamId, ct);
        var circle = await circles.GetAsync(caller.TenantId, caller.TeamId, circleId, ct);
        return circle?.Picked is { } picked && team is not null ? (circle, team, picked) : null;
    }

    /// <summary>
    /// Links the pick to the record about to be made, unless it was made into something already. The record's id comes
    /// from the activity, so Teams delivering it again (or a retry after a storage fault) finds its own link and finishes.
    /// </summary>
    private async Task<bool> ClaimAsync(Circle circle, Func<Circle, Circle> link, string id, CancellationToken ct)
    {
        var stored = await circles.ChangeAsync(circle.TenantId, circle.TeamId, circle.CircleId, c => c.GoalId is null && c.IdeaId is null ? link(c) : null, ct);
        return stored?.GoalId == id || stored?.IdeaId == id;
    }

    private async Task<Reply> CardAsync(Turn turn, Team team, string circleId, CancellationToken ct)
    {
        var circle = (await circles.GetAsync(team.TenantId, team.TeamId, circleId, ct))!;
        return Reply.Card(CircleCards.Workshop(CircleViews.Of(circle, team, turn.Language), turn.Language));
    }
}
