using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// Asks Teams (the connector's team roster) whether the person of this turn is a member of a team: the check for
/// anything done from a personal chat on a team's behalf, where the activity itself names no team.
/// </summary>
public sealed class TeamMembership(ILogger<TeamMembership> logger)
{
    /// <summary>
    /// Whether the person of this turn is in the team: in a channel, only if it is that team's channel (Teams vouches
    /// for membership there); elsewhere, if the roster lists them.
    /// </summary>
    public async Task<bool> IsInTeamAsync(ITurnContext turnContext, string teamId, CancellationToken ct) =>
        TeamsConversation.TeamId(turnContext.Activity) is { } channelTeam ? channelTeam == teamId : await IsMemberAsync(turnContext, teamId, ct);

    public async Task<bool> IsMemberAsync(ITurnContext turnContext, string teamId, CancellationToken ct)
    {
        var userId = turnContext.Activity.From?.Id;
        if (string.IsNullOrEmpty(userId)) return false;
        try
        {
            return await TeamsInfo.GetTeamMemberAsync(turnContext, userId, teamId, ct) is not null;
        }
        catch (ErrorResponseException e)
        {
            logger.LogInformation("{User} is not a member of team {Team} ({Status}).", userId, teamId, e.Response?.StatusCode);
            return false;
        }
    }
}
