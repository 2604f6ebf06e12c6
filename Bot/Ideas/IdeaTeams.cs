using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Conversations;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// The teams a person may send ideas to and search: in a team channel, that team (Teams vouches for membership, but in a
/// shared channel only the roster does);
/// elsewhere, the teams of their tenant where the app is installed and Teams' roster lists them.
/// </summary>
public sealed class IdeaTeams(ConversationRepository conversations)
{
    public async Task<IReadOnlyList<TeamChoice>> OfCallerAsync(Turn turn, CancellationToken ct)
    {
        if (turn.TenantId is not { Length: > 0 } tenantId) return [];
        if (turn.ChannelTeamId is { } team)
        {
            return await turn.IsInTeamAsync(team, ct) ? [new TeamChoice(team, turn.ChannelTeamName ?? team)] : [];
        }
        var installed = (await conversations.ListForTenantAsync(tenantId, ct))
            .Where(c => c.Active && c.Scope == ConversationScope.Channel && !string.IsNullOrEmpty(c.TeamId))
            .DistinctBy(c => c.TeamId)
            .ToList();
        var member = await Task.WhenAll(installed.Select(c => turn.IsMemberAsync(c.TeamId!, ct)));
        return [.. installed.Where((_, i) => member[i]).Select(c => new TeamChoice(c.TeamId!, c.TeamName ?? c.TeamId!)).OrderBy(c => c.Name)];
    }
}
