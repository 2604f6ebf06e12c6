using System.Collections.Concurrent;
using Azure.Core;
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
public sealed class TeamOwners
{
    private readonly GraphServiceClient? _graph;
    private readonly ILogger<TeamOwners> _logger;
    private readonly TimeProvider _clock;

    public TeamOwners(IOptions<GraphOptions> options, ILogger<TeamOwners> logger, TimeProvider clock, TokenCredential? credential = null)
    {
        _logger = logger;
        _clock = clock;
        var o = options.Value;
        if (credential is null && !o.Configured) return;
        credential ??= new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret);
        _graph = new GraphServiceClient(credential, ["https://graph.microsoft.com/.default"], o.BaseUrl);
    }

    public bool Enabled => _graph is not null;

    /// <summary>How long an answer from Graph is trusted: a change of ownership counts within this time.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Group, string User), (bool Owner, DateTimeOffset At)> _answers = new();

    /// <summary>Whether the person owns the team (its Microsoft 365 group id, as Teams gives it in channel data).</summary>
    public async Task<bool> IsOwnerAsync(string aadGroupId, string userAadObjectId, CancellationToken ct)
    {
        if (_graph is null) return false;
        if (_answers.TryGetValue((aadGroupId, userAadObjectId), out var known) && _clock.GetUtcNow() - known.At < CacheFor) return known.Owner;
        if (await AskGraphAsync(aadGroupId, userAadObjectId, ct) is not { } owner) return false; // Graph failed: not cached, asked again next time
        _answers[(aadGroupId, userAadObjectId)] = (owner, _clock.GetUtcNow());
        return owner;
    }

    private async Task<bool?> AskGraphAsync(string aadGroupId, string userAadObjectId, CancellationToken ct)
    {
        try
        {
            var page = await _graph!.Teams[aadGroupId].Members.GetAsync(r =>
                r.QueryParameters.Filter = $"(microsoft.graph.aadUserConversationMember/userId eq '{userAadObjectId.Replace("'", "''")}')", ct);
            return page?.Value?.OfType<AadUserConversationMember>()
                .Any(m => m.UserId == userAadObjectId && m.Roles?.Contains("owner", StringComparer.OrdinalIgnoreCase) == true) == true;
        }
        catch (Exception e) when (e is ODataError { ResponseStatusCode: var status } && !Teams.TransientFault.FailedForNow(status) || e is AuthenticationFailedException)
        {
            _logger.LogWarning("Could not read the owners of team {Group} from Graph: {Reason}.", aadGroupId, e.Message);
            return null;
        }
    }
}
