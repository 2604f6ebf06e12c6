using System.Collections.Concurrent;
using Azure.Core;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Roles;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

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
    /// <summary>Whether Graph lists <see cref="_owner"/> as the team's owner (a test may take the ownership away).</summary>
    private volatile bool _ownerListed = true;
    private WebApplication _graph = null!;
    private string _graphUrl = "";
    private int? _graphFails;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _graph = builder.Build();
        _graph.MapGet("/v1.0/teams/{groupId}/members", (string groupId, HttpRequest request) =>
        {
            _requests.Enqueue($"{groupId} {request.Headers.Authorization} {request.Query["$filter"]}");
            if (_graphFails is { } status) return Results.Json(new { error = new { code = "serviceNotAvailable", message = "failed by test" } }, statusCode: status);
            return Results.Json(new
            {
                value = new object[]
                {
                    new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.aadUserConversationMember", ["id"] = "m1", ["roles"] = _ownerListed ? new[] { "owner" } : [], ["userId"] = _owner, ["displayName"] = "Liv Eier" },
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
        await using var bot = await StartBotWithGraphAsync();
        var teams = new TeamsActivities(connector.ServiceUrl);
        await bot.PostAsync(teams.InstallInTeam());

        await bot.PostAsync(teams.ChannelMessage("innstillinger", fromAadObjectId: _owner));
        var ownerReply = connector.SentTo(teams.GeneralChannelId)[^1].CardText;
        await bot.PostAsync(teams.ChannelMessage("innstillinger", fromAadObjectId: _member));
        var memberReply = connector.SentTo(teams.GeneralChannelId)[^1].Text;

        Assert.Contains("Innstillinger for ukens spørsmål", ownerReply);
        Assert.Contains("Bare ledere i teamet kan endre innstillingene.", memberReply);
        // Asked of Graph, never stored: the leadership ends when Graph stops listing them as owner.
        Assert.Empty(await bot.Get<RoleRepository>().GetAsync(teams.TenantId, teams.TeamId, _owner));
        Assert.Empty(await bot.Get<RoleRepository>().GetAsync(teams.TenantId, teams.TeamId, _member));
        // The SDK sends its token only to Graph's own https hosts, so this local endpoint sees the query, not the token.
        Assert.True(_requests.Any(r => r.StartsWith(teams.AadGroupId) && r.Contains($"userId eq '{_owner}'")), string.Join("\n", _requests));
    }

    [Fact]
    public async Task A_Graph_owner_without_a_stored_role_decides_ideas_from_the_idea_card_and_the_digest_in_a_personal_chat()
    {
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await StartBotWithGraphAsync();
        var teams = new TeamsActivities(connector.ServiceUrl);
        await bot.PostAsync(teams.InstallInTeam());
        var staff = Guid.NewGuid().ToString();
        foreach (var title in new[] { "Fast tid til overlapp", "Felles kjøreliste" })
        {
            await bot.PostAsync(teams.ChannelCardAction(IdeaVerbs.Submit, new JsonObject
            {
                ["team"] = teams.TeamId, ["title"] = title, ["category"] = "workflow", ["anonymous"] = "false",
            }, staff));
        }
        var ideas = (await bot.Get<IdeaRepository>().ListTeamAsync(teams.TenantId, teams.TeamId)).OrderBy(i => i.Title).ToList();
        JsonObject Answer(Idea idea) => new()
        {
            ["team"] = idea.TeamId, ["idea"] = idea.IdeaId,
            [IdeaVerbs.StatusInput(idea.IdeaId)] = IdeaStatus.Considering, [IdeaVerbs.ReasonInput(idea.IdeaId)] = "Vi tar det opp på personalmøtet.",
        };

        var staffRefused = await ReplyAsync(bot, teams.PersonalCardAction(IdeaVerbs.Status, Answer(ideas[0]), staff));
        var fromIdeaCard = await ReplyAsync(bot, teams.PersonalCardAction(IdeaVerbs.Status, Answer(ideas[0]), _owner));
        var fromDigest = await ReplyAsync(bot, teams.PersonalCardAction(DigestVerbs.Decide, Answer(ideas[1]), _owner));

        var t = Texts.For(Language.Bokmal);
        Assert.Equal(t["idea.leadersOnly"], staffRefused);
        Assert.Contains(t["idea.decided"], fromIdeaCard);
        Assert.Contains(t["idea.decided"], fromDigest);
        Assert.All(await bot.Get<IdeaRepository>().ListTeamAsync(teams.TenantId, teams.TeamId), idea => Assert.Equal(IdeaStatus.Considering, idea.Status));
    }

    [Fact]
    public async Task A_member_Graph_does_not_list_as_owner_who_installs_the_app_gets_no_leader_role_an_owner_who_installs_does()
    {
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await StartBotWithGraphAsync();
        var byMember = new TeamsActivities(connector.ServiceUrl) { UserAadObjectId = _member };
        var byOwner = new TeamsActivities(connector.ServiceUrl) { UserAadObjectId = _owner };
        var roles = bot.Get<RoleRepository>();

        await bot.PostAsync(byMember.InstallInTeam());
        await bot.PostAsync(byMember.ChannelMessage("innstillinger", fromAadObjectId: _member));
        await bot.PostAsync(byOwner.InstallInTeam());

        Assert.Empty(await roles.ListAsync(byMember.TenantId, byMember.TeamId));
        Assert.Equal(Texts.For(Language.Bokmal)["settings.leadersOnly"], connector.SentTo(byMember.GeneralChannelId)[^1].Text);
        Assert.Equal([Role.Leader], await roles.GetAsync(byOwner.TenantId, byOwner.TeamId, _owner));
    }

    [Fact]
    public async Task A_Graph_owners_leadership_ends_once_Graph_stops_listing_them_within_the_cache_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await StartBotWithGraphAsync(clock);
        var teams = new TeamsActivities(connector.ServiceUrl);
        await bot.PostAsync(teams.InstallInTeam());
        async Task<string> SettingsAsync()
        {
            await bot.PostAsync(teams.ChannelMessage("innstillinger", fromAadObjectId: _owner));
            var reply = connector.SentTo(teams.GeneralChannelId)[^1];
            return reply.CardText + reply.Text;
        }

        var asOwner = await SettingsAsync();
        _ownerListed = false;
        clock.Advance(TeamOwners.CacheFor - TimeSpan.FromSeconds(1));
        var stillCached = await SettingsAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterCache = await SettingsAsync();

        Assert.Equal(TimeSpan.FromMinutes(5), TeamOwners.CacheFor); // the time README and PRIVACY.md state
        Assert.Contains("Innstillinger for ukens spørsmål", asOwner);
        Assert.Contains("Innstillinger for ukens spørsmål", stillCached);
        Assert.Equal(Texts.For(Language.Bokmal)["settings.leadersOnly"], afterCache);
    }

    [Fact]
    public async Task When_Graph_fails_an_owner_is_told_to_try_again_not_refused_and_the_next_try_works()
    {
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await StartBotWithGraphAsync();
        var teams = new TeamsActivities(connector.ServiceUrl);
        await bot.PostAsync(teams.InstallInTeam());

        _graphFails = 500;
        await bot.PostAsync(teams.ChannelMessage("innstillinger", locale: "nn-NO", fromAadObjectId: _owner));
        var during = connector.SentTo(teams.GeneralChannelId)[^1].Text;
        _graphFails = null;
        await bot.PostAsync(teams.ChannelMessage("innstillinger", fromAadObjectId: _owner));
        var after = connector.SentTo(teams.GeneralChannelId)[^1].CardText;

        Assert.Equal(Texts.For(Language.Nynorsk)["fault.unavailable"], during);
        Assert.Contains("Innstillinger for ukens spørsmål", after);
    }

    private Task<BotServer> StartBotWithGraphAsync(TimeProvider? clock = null) => BotServer.StartAsync(fixture.Azurite.ConnectionString,
        settings: new Dictionary<string, string?> { ["Graph:BaseUrl"] = _graphUrl }, clock: clock,
        services: s => s.AddSingleton<IGraphCredentials>(new TestCredentials()));

    private sealed class TestCredentials : IGraphCredentials
    {
        public ConcurrentBag<string> Tenants { get; } = [];

        public TokenCredential For(string tenantId)
        {
            Tenants.Add(tenantId);
            return new TestToken();
        }
    }

    [Fact]
    public async Task On_a_shared_host_each_municipalitys_owner_is_asked_of_Graph_in_that_municipalitys_own_tenant()
    {
        await using var connector = await ConnectorSink.StartAsync();
        var credentials = new TestCredentials();
        await using var bot = await BotServer.StartAsync(fixture.Azurite.ConnectionString,
            settings: new Dictionary<string, string?> { ["Graph:BaseUrl"] = _graphUrl }, services: s => s.AddSingleton<IGraphCredentials>(credentials));
        var melhus = new TeamsActivities(connector.ServiceUrl);
        var skaun = new TeamsActivities(connector.ServiceUrl);

        foreach (var municipality in new[] { melhus, skaun })
        {
            await bot.PostAsync(municipality.InstallInTeam());
            await bot.PostAsync(municipality.ChannelMessage("innstillinger", fromAadObjectId: _owner));
            Assert.Contains("Innstillinger for ukens spørsmål", connector.SentTo(municipality.GeneralChannelId)[^1].CardText);
        }

        Assert.Equal(new HashSet<string> { melhus.TenantId, skaun.TenantId }, credentials.Tenants.ToHashSet());
    }

    private static async Task<string> ReplyAsync(BotServer bot, JsonObject activity)
    {
        var response = await bot.PostAsync(activity);
        response.EnsureSuccessStatusCode();
        return CardContent.InvokeReply((await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }
}
