using System.Collections.Concurrent;
using Azure.Core;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareCompanion.Tests.Roles;

/// <summary>
/// With Microsoft Graph configured, team owners are leaders: the Graph SDK is pointed at a local endpoint serving
/// Graph-shaped JSON for /teams/{id}/members (the team's Microsoft 365 group id from channel data), with a test credential.
/// </summary>
public sealed class GraphOwnersTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly string _owner = Guid.NewGuid().ToString();
    private readonly string _member = Guid.NewGuid().ToString();
    private readonly ConcurrentQueue<string> _requests = new();
    private WebApplication _graph = null!;
    private string _graphUrl = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _graph = builder.Build();
        _graph.MapGet("/v1.0/teams/{groupId}/members", (string groupId, HttpRequest request) =>
        {
            _requests.Enqueue($"{groupId} {request.Headers.Authorization} {request.Query["$filter"]}");
            return Results.Json(new
            {
                value = new object[]
                {
                    new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.aadUserConversationMember", ["id"] = "m1", ["roles"] = new[] { "owner" }, ["userId"] = _owner, ["displayName"] = "Liv Eier" },
                    new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.aadUserConversationMember", ["id"] = "m2", ["roles"] = Array.Empty<string>(), ["userId"] = _member, ["displayName"] = "Ola Medlem" },
                },
            });
        });
        await _graph.StartAsync();
        _graphUrl = _graph.Urls.First() + "/v1.0";
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    private sealed class TestToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("test-graph-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }

    [Fact]
    public async Task A_team_owner_from_Graph_is_a_leader_a_plain_member_is_not()
    {
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await BotServer.StartAsync(fixture.Azurite.ConnectionString,
            settings: new Dictionary<string, string?> { ["Graph:BaseUrl"] = _graphUrl },
            services: s => s.AddSingleton<TokenCredential>(new TestToken()));
        var teams = new TeamsActivities(connector.ServiceUrl);
        await bot.PostAsync(teams.InstallInTeam());

        await bot.PostAsync(teams.ChannelMessage("innstillinger", fromAadObjectId: _owner));
        var ownerReply = connector.SentTo(teams.GeneralChannelId)[^1].CardText;
        await bot.PostAsync(teams.ChannelMessage("innstillinger", fromAadObjectId: _member));
        var memberReply = connector.SentTo(teams.GeneralChannelId)[^1].Text;

        Assert.Contains("Innstillinger for ukens spørsmål", ownerReply);
        Assert.Contains("Bare ledere i teamet kan endre innstillingene.", memberReply);
        Assert.Contains(Role.Leader, await bot.Get<RoleRepository>().GetAsync(teams.TenantId, teams.TeamId, _owner));
        Assert.Empty(await bot.Get<RoleRepository>().GetAsync(teams.TenantId, teams.TeamId, _member));
        // The SDK sends its token only to Graph's own https hosts, so this local endpoint sees the query, not the token.
        Assert.True(_requests.Any(r => r.StartsWith(teams.AadGroupId) && r.Contains($"userId eq '{_owner}'")), string.Join("\n", _requests));
    }
}
