using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema.Teams;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// The teams a person may send ideas to and search: in a team channel, that team (Teams vouches for membership);
/// elsewhere, the teams of their tenant where the app is installed and Teams' roster lists them.
/// </summary>
public sealed class IdeaTeams(ConversationRepository conversations, TeamMembership membership)
{
    public async Task<IReadOnlyList<TeamChoice>> OfCallerAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        if (TeamsConversation.TenantId(activity) is not { Length: > 0 } tenantId) return [];
        if (activity.GetChannelData<TeamsChannelData>()?.Team is { Id.Length: > 0 } team)
        {
            return [new TeamChoice(team.Id, team.Name ?? team.Id)];
        }
        var installed = (await conversations.ListForTenantAsync(tenantId, ct))
            .Where(c => c.Active && c.Scope == ConversationScope.Channel && !string.IsNullOrEmpty(c.TeamId))
            .DistinctBy(c => c.TeamId)
            .ToList();
        var member = await Task.WhenAll(installed.Select(c => membership.IsMemberAsync(turnContext, c.TeamId!, ct)));
        return [.. installed.Where((_, i) => member[i]).Select(c => new TeamChoice(c.TeamId!, c.TeamName ?? c.TeamId!)).OrderBy(c => c.Name)];
    }

    /// <summary>The team, if the caller belongs to it (see <see cref="OfCallerAsync"/>).</summary>
    public async Task<TeamChoice?> FindAsync(ITurnContext turnContext, string? teamId, CancellationToken ct) =>
        teamId is null ? null : (await OfCallerAsync(turnContext, ct)).FirstOrDefault(t => t.TeamId == teamId);
}
