using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using CareCompanion.Storage.Conversations;
using CareCompanion.Tests.Support;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace CareCompanion.Tests.Trust;

/// <summary>
/// With an app id configured, /api/messages takes only requests with a Bot Framework token that validates against
/// the (local) OpenID metadata: signature, issuer, audience = app id, lifetime, endorsement and service URL.
/// </summary>
public sealed class TokenValidationTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string AppId = "6a7d2c1e-0b7e-4f7e-9d0e-2b9f3c1a5e11";

    private ChannelTokenIssuer _issuer = null!;
    private ConnectorSink _connector = null!;
    private BotServer _bot = null!;

    public async Task InitializeAsync()
    {
        _issuer = await ChannelTokenIssuer.StartAsync();
        _connector = await ConnectorSink.StartAsync();
        var settings = _issuer.BotSettings(AppId);
        settings["MicrosoftAppType"] = "MultiTenant";
        settings["MicrosoftAppPassword"] = "not-used-in-this-test";
        _bot = await BotServer.StartAsync(fixture.Azurite.ConnectionString, settings: settings,
            services: s => s.AddSingleton<ServiceClientCredentialsFactory>(new NoOutboundCredentials(AppId)));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, TeamsActivities Teams)> InstallWithTokenAsync(Func<TeamsActivities, string?> token)
    {
        var teams = new TeamsActivities(_connector.ServiceUrl);
        using var http = new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(teams.InstallPersonal()) };
        if (token(teams) is { } t) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t);
        var response = await http.SendAsync(request);
        return (response.StatusCode, teams);
    }

    private async Task AssertNothingHappenedAsync(TeamsActivities teams)
    {
        Assert.Null(await _bot.Get<ConversationRepository>().GetAsync(teams.TenantId, teams.PersonalConversationId));
        Assert.Empty(_connector.SentTo(teams.PersonalConversationId));
    }

    [Fact]
    public async Task A_valid_channel_token_is_accepted()
    {
        var (status, teams) = await InstallWithTokenAsync(_ => _issuer.Token(AppId, _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(await _bot.Get<ConversationRepository>().GetAsync(teams.TenantId, teams.PersonalConversationId));
        Assert.Single(_connector.SentTo(teams.PersonalConversationId));
    }

    public static TheoryData<string> BadTokens => ["missing", "expired", "wrong signature", "wrong audience", "wrong issuer", "wrong service url", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_request_without_a_valid_token_gets_401_and_changes_nothing(string flaw)
    {
        using var otherKey = RSA.Create(2048);
        var (status, teams) = await InstallWithTokenAsync(_ => flaw switch
        {
            "missing" => null,
            "expired" => _issuer.Token(AppId, _connector.ServiceUrl, lifetime: TimeSpan.FromMinutes(-30)),
            "wrong signature" => _issuer.Token(AppId, _connector.ServiceUrl, key: otherKey),
            "wrong audience" => _issuer.Token("another-bot", _connector.ServiceUrl),
            "wrong issuer" => _issuer.Token(AppId, _connector.ServiceUrl, issuer: "https://evil.example"),
            "wrong service url" => _issuer.Token(AppId, "https://attacker.example/"),
            _ => "not.a.jwt",
        });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        await AssertNothingHappenedAsync(teams);
    }
}
