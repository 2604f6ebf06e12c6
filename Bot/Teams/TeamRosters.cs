using CareCompanion.Bot.Delivery;
using CareCompanion.Storage.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// A team's whole roster outside a turn (scheduled checks, personal prompts), read page by page through the connector of
/// the team's channel. Nobody is taken for a member because the bot once saw them, and only a complete answer counts: a
/// fault, an untrusted connector address, a roster too long to read, or one that lists nobody gives null.
/// </summary>
public sealed class TeamRosters(IBotFrameworkHttpAdapter adapter, TrustedServiceUrls trusted, IConfiguration configuration, ILogger<TeamRosters> logger)
{
    /// <summary>The largest page Teams serves.</summary>
    public const int PageSize = 500;

    /// <summary>Pages read at most: 100 000 people, far beyond any team (Teams allows 25 000).</summary>
    public const int MaxPages = 200;

    private readonly CloudAdapter _adapter = (CloudAdapter)adapter;
    private readonly string _appId = configuration["MicrosoftAppId"] ?? "";

    /// <summary>Everyone Teams lists in the team (once each), or null when the whole roster could not be read.</summary>
    public async Task<IReadOnlyList<Recipient>?> MembersAsync(Team team, CancellationToken ct)
    {
        if (!trusted.Allows(team.ServiceUrl))
        {
            logger.LogWarning("Not reading a roster through an untrusted connector address ({Host}).", TrustedServiceUrls.HostOf(team.ServiceUrl));
            return null;
        }
        var reference = ConversationReferences.To(team.ServiceUrl, team.BotId, team.ConversationId, team.TenantId);
        List<Recipient>? members = null;
        string? failure = null;
        // Caught inside the callback: the adapter's turn-error handler would otherwise post an error text into the channel.
        await _adapter.ContinueConversationAsync(_appId, reference, async (turn, token) =>
        {
            try
            {
                members = await ReadAllAsync(turn, team.TeamId, token);
                if (members is null) failure = $"more than {MaxPages} pages";
            }
            catch (Exception e) when (e is ErrorResponseException or HttpRequestException)
            {
                failure = e is ErrorResponseException { Response: { } r } ? $"HTTP {(int)r.StatusCode}" : e.Message;
            }
        }, ct);
        if (members is { Count: > 0 }) return members;
        logger.LogWarning("Could not read the roster of team {Team} in tenant {Tenant} ({Reason}): nothing is changed.", team.TeamId, team.TenantId,
            failure ?? "it lists nobody");
        return null;
    }

    private static async Task<List<Recipient>?> ReadAllAsync(ITurnContext turn, string teamId, CancellationToken ct)
    {
        var found = new List<Recipient>();
        string? next = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await TeamsInfo.GetPagedTeamMembersAsync(turn, teamId, next, PageSize, ct);
            found.AddRange(result.Members.Where(m => !string.IsNullOrEmpty(m.AadObjectId)).Select(m => new Recipient(m.AadObjectId, m.Id)));
            next = result.ContinuationToken;
            if (string.IsNullOrEmpty(next)) return [.. found.DistinctBy(m => m.AadObjectId, StringComparer.OrdinalIgnoreCase)];
        }
        return null;
    }
}
