using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// "mine idéer" (what I sent, and what happened), "idéer" for leaders (their teams' open ideas, oldest unanswered
/// first) and "delte idéer" (what other teams implemented and shared). Each reads only the caller's tenant.
/// </summary>
public sealed class IdeaLists(IdeaRepository ideas, RoleRepository roles, TimeProvider clock)
{
    public const int WaitingFlagDays = 14;

    public async Task<Reply> MineAsync(Turn turn, CancellationToken ct)
    {
        var mine = (await ideas.ListBySubmitterAsync(turn.TenantId!, turn.PersonId!, ct)).OrderByDescending(i => i.CreatedAt);
        return List(turn, "idea.list.mine", [.. mine.Select(i => IdeaViews.Of(i, withLeaderAnswer: false))], "idea.list.mineEmpty");
    }

    public async Task<Reply> OpenForLeaderAsync(Turn turn, CancellationToken ct)
    {
        var tenantId = turn.TenantId!;
        var led = (await roles.ListForPersonAsync(tenantId, turn.PersonId!, ct))
            .Where(r => r.Holder.Roles.Overlaps(Role.Leaders))
            .Select(r => KeyEncoding.TeamOf(r.PartitionKey))
            .Where(team => turn.ChannelTeamId is null || team == turn.ChannelTeamId)
            .ToList();
        if (led.Count == 0) return Reply.Text(turn.T["idea.list.leadersOnly"]);
        var open = (await Task.WhenAll(led.Select(team => ideas.ListTeamAsync(tenantId, team, ct))))
            .SelectMany(list => list)
            .Where(i => !IdeaStatus.IsClosed(i.Status))
            .OrderBy(i => i.LastDecision is null ? 0 : 1)
            .ThenBy(i => i.LastDecision?.At ?? i.CreatedAt);
        return List(turn, "idea.list.open", [.. open.Select(i => IdeaViews.Of(i))], "idea.list.openEmpty", WaitingFlagDays);
    }

    public async Task<Reply> SharedAsync(Turn turn, CancellationToken ct)
    {
        var shared = (await ideas.ListSharedAsync(turn.TenantId!, ct)).OrderByDescending(i => i.StatusChangedAt);
        return List(turn, "idea.list.shared", [.. shared.Select(i => IdeaViews.Of(i, withLeaderAnswer: false))], "idea.list.sharedEmpty");
    }

    private Reply List(Turn turn, string headingKey, IReadOnlyList<IdeaView> views, string emptyKey, int flagAfterDays = int.MaxValue) =>
        Reply.Card(IdeaListCard.Build(turn.T[headingKey], views, turn.Language, clock.GetUtcNow(), turn.T[emptyKey], flagAfterDays));
}
