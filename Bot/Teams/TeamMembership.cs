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
