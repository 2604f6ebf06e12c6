using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Networks;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// "del praksis" in a team's channel (leaders and coaches): share an idea being tried out or implemented, a goal, or an
/// improvement circle's result (<see cref="CircleResults"/> fills in what, why and result where the sharer left them empty),
/// as a practice card — to the team, the municipality, or one of the team's networks. The card names the unit and the
/// municipality; an anonymous idea's submitter is never on it, and the sharer is named as contact only if they tick it.
/// </summary>
public sealed class PracticeSharing(PracticeRepository practices, PracticeReaders readers, NetworkNames names, IdeaRepository ideas, GoalRepository goals,
    CircleResults circles, TimeProvider clock)
{
    public async Task<Reply> ShowFormAsync(Turn turn, CancellationToken ct) =>
        Reply.Card(PracticeCards.ShareForm(turn.Language, turn.Caller!.TeamId, await SourcesAsync(turn, ct), await ScopesAsync(turn, ct)));

    public async Task<Reply> ShareAsync(Turn turn, CancellationToken ct)
    {
        var (t, caller) = (turn.T, turn.Caller!);
        if (turn.Payload<PracticeSharePayload>() is not { } data) return Reply.Text(t["network.error"]);
        var sources = await SourcesAsync(turn, ct);
        var scopes = await ScopesAsync(turn, ct);
        var source = sources.FirstOrDefault(s => s.Value == data.Source);
        var scope = scopes.FirstOrDefault(s => s.Value == data.Scope);
        if (source is null || scope == default)
        {
            return Reply.Card(PracticeCards.ShareForm(turn.Language, caller.TeamId, sources, scopes, data, t["practice.error.choice"]));
        }
        var (kind, sourceId) = (source.Value[..source.Value.IndexOf(':')], source.Value[(source.Value.IndexOf(':') + 1)..]);
        var circle = kind == PracticeSource.Circle ? await circles.DescribeAsync(caller.TenantId, caller.TeamId, sourceId, t, ct) : null;
        var what = Typed(data.What) ?? circle?.What ?? source.Title[(source.Title.IndexOf(' ') + 1)..];
        var networkId = scope.Value.StartsWith(PracticeVerbs.NetworkScopePrefix, StringComparison.Ordinal) ? scope.Value[PracticeVerbs.NetworkScopePrefix.Length..] : null;
        var card = new PracticeCard
        {
            PracticeId = StableIds.For(caller.TenantId, turn.ActivityId),
            TenantId = caller.TenantId,
            TeamId = caller.TeamId,
            TeamName = await names.TeamNameAsync(turn, ct),
            Source = kind,
            SourceId = sourceId,
            What = Cut(what, PracticeVerbs.MaxWhat),
            Why = Cut(Typed(data.Why) ?? circle?.Why, PracticeVerbs.MaxText),
            Result = Cut(Typed(data.Result) ?? circle?.Result, PracticeVerbs.MaxText),
            Lesson = Cut(data.Lesson, PracticeVerbs.MaxText),
            Theme = NetworkVerbs.Themes.Contains(data.Theme) ? data.Theme! : "other",
            Finished = data.Stage == "finished",
            ContactName = data.Contact == "true" ? turn.UserName : null,
            Scope = networkId is not null ? PracticeScope.Network : scope.Value,
            NetworkId = networkId,
            SharedByAadObjectId = caller.UserAadObjectId,
            SharedAt = clock.GetUtcNow(),
        };
        await practices.TryAddAsync(card, ct);
        var view = await readers.ViewAsync(card, scope.Title, t, ct);
        return Reply.Card(PracticeCards.Practice(view, turn.Language, withActions: false, notice: t.Format("practice.shared", scope.Title)));
    }

    /// <summary>The team's ideas from "being tried out" on, its goals and its circles with a pick: what a practice card can come from.</summary>
    private async Task<IReadOnlyList<PracticeSourceChoice>> SourcesAsync(Turn turn, CancellationToken ct)
    {
        var (t, caller) = (turn.T, turn.Caller!);
        var teamIdeas = (await ideas.ListTeamAsync(caller.TenantId, caller.TeamId, ct))
            .Where(i => i.Status is IdeaStatus.Trying or IdeaStatus.Implemented).OrderByDescending(i => i.StatusChangedAt).Take(20)
            .Select(i => new PracticeSourceChoice($"{PracticeSource.Idea}:{i.IdeaId}", $"{t["practice.source.idea"]} {i.Title}"));
        var teamGoals = (await goals.ListTeamAsync(caller.TenantId, caller.TeamId, ct)).OrderByDescending(g => g.CreatedAt).Take(20)
            .Select(g => new PracticeSourceChoice($"{PracticeSource.Goal}:{g.GoalId}", $"{t["practice.source.goal"]} {g.Title}"));
        return [.. teamIdeas, .. teamGoals, .. await circles.ChoicesAsync(caller.TenantId, caller.TeamId, t, ct)];
    }

    private async Task<IReadOnlyList<(string Value, string Title)>> ScopesAsync(Turn turn, CancellationToken ct)
    {
        var (t, caller) = (turn.T, turn.Caller!);
        var networks = await readers.NetworksOfAsync(caller.TenantId, [caller.TeamId], ct);
        return [(PracticeScope.Team, t["practice.scope.team"]), (PracticeScope.Tenant, t["practice.scope.tenant"]),
            .. networks.Select(n => (PracticeVerbs.NetworkScopePrefix + n.NetworkId, t.Format("practice.scope.network", n.Name)))];
    }

    private static string? Typed(string? text) => text?.Trim() is { Length: > 0 } typed ? typed : null;

    private static string Cut(string? text, int max) => (text ?? "").Trim() is var s && s.Length > max ? s[..max] : s;
}
