using CareCompanion.Storage.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Delivery;

/// <summary>
/// Who is in a team, as Teams lists them now, for work that runs without a person's turn (a scheduled job): read through
/// the team's channel conversation, page by page. Nobody is assumed a member because the bot once saw them.
/// </summary>
public sealed class TeamRosters(IBotFrameworkHttpAdapter adapter, IConfiguration configuration, ILogger<TeamRosters> logger)
{
    private const int PageSize = 500;

    private readonly CloudAdapter _adapter = (CloudAdapter)adapter;
    private readonly string _appId = configuration["MicrosoftAppId"] ?? "";

    /// <summary>Every person in the team's roster; empty when Teams does not answer (then nobody gets a personal message).</summary>
    public async Task<IReadOnlyList<Recipient>> MembersAsync(StoredConversation channel, CancellationToken ct)
    {
        var members = new List<Recipient>();
        var reference = ConversationReferences.To(channel.ServiceUrl, channel.BotId, channel.ConversationId, channel.TenantId);
        Exception? failure = null;
        // Caught inside the callback, or the adapter's turn-error handler would post an error text into the channel.
        await _adapter.ContinueConversationAsync(_appId, reference, async (turn, token) =>
        {
            try
            {
                string? next = null;
                do
                {
                    var page = await TeamsInfo.GetPagedTeamMembersAsync(turn, channel.TeamId, next, PageSize, token);
                    members.AddRange(page.Members.Where(m => !string.IsNullOrEmpty(m.AadObjectId)).Select(m => new Recipient(m.AadObjectId, m.Id)));
                    next = page.ContinuationToken;
                }
                while (!string.IsNullOrEmpty(next));
            }
            catch (Exception e) when (e is ErrorResponseException or HttpRequestException)
            {
                failure = e;
            }
        }, ct);
        if (failure is not null)
        {
            logger.LogWarning("Could not read the roster of team {Team} in tenant {Tenant}: {Reason}.", channel.TeamId, channel.TenantId, failure.Message);
            return [];
        }
        return members;
    }
}
