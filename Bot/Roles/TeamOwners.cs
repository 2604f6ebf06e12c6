using System.Collections.Concurrent;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace CareCompanion.Bot.Roles;

/// <summary>
/// Team owners from Microsoft Graph (/teams/{group id}/members, role "owner"), when Graph is configured: owners are
/// the team's leaders by default. Without Graph, or when Graph refuses, nobody is taken for an owner (the role table
/// decides); when Graph fails for now (5xx, 429, unreachable, too slow) the error goes on, so the turn answers "try again"
/// instead of refusing an owner.
/// </summary>
public sealed class TeamOwners(IGraphCredentials credentials, IOptions<GraphOptions> options, ILogger<TeamOwners> logger, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, GraphServiceClient> _clients = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether Graph is asked about the tenant's teams (otherwise the role table alone decides there).</summary>
    public bool EnabledFor(string tenantId) => GraphFor(tenantId) is not null;

    private GraphServiceClient? GraphFor(string tenantId) =>
        _clients.TryGetValue(tenantId, out var graph) ? graph
        : credentials.For(tenantId) is { } credential ? _clients.GetOrAdd(tenantId, _ => new GraphServiceClient(credential, ["https://graph.microsoft.com/.default"], options.Value.BaseUrl))
        : null;

    /// <summary>How long an answer from Graph is trusted: a change of ownership counts within this time.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Group, string User), (bool Owner, DateTimeOffset At)> _answers = new();

    /// <summary>Whether the person owns the team (its Microsoft 365 group id, as Teams gives it in channel data) in the tenant.</summary>
    public async Task<bool> IsOwnerAsync(string tenantId, string aadGroupId, string userAadObjectId, CancellationToken ct)
    {
        if (GraphFor(tenantId) is not { } graph) return false;
        if (_answers.TryGetValue((aadGroupId, userAadObjectId), out var known) && clock.GetUtcNow() - known.At < CacheFor) return known.Owner;
        if (await AskGraphAsync(graph, aadGroupId, userAadObjectId, ct) is not { } owner) return false; // Graph failed: not cached, asked again next time
        _answers[(aadGroupId, userAadObjectId)] = (owner, clock.GetUtcNow());
        return owner;
    }

    private async Task<bool?> AskGraphAsync(GraphServiceClient graph, string aadGroupId, string userAadObjectId, CancellationToken ct)
    {
        try
        {
            var page = await graph.Teams[aadGroupId].Members.GetAsync(r =>
                r.QueryParameters.Filter = $"(microsoft.graph.aadUserConversationMember/userId eq '{userAadObjectId.Replace("'", "''")}')", ct);
            return page?.Value?.OfType<AadUserConversationMember>()
                .Any(m => m.UserId == userAadObjectId && m.Roles?.Contains("owner", StringComparer.OrdinalIgnoreCase) == true) == true;
        }
        catch (Exception e) when (e is ODataError { ResponseStatusCode: var status } && !Teams.TransientFault.FailedForNow(status) || e is AuthenticationFailedException)
        {
            logger.LogWarning("Could not read the owners of team {Group} from Graph: {Reason}.", aadGroupId, e.Message);
            return null;
        }
    }
}
