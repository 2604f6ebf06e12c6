using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Hosting;
using CareCompanion.Storage.Teams;
using CareCompanion.Tests.Support;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace CareCompanion.Tests.Trust;

/// <summary>
/// The shared host (infra/shared.bicepparam): an Azure Bot of type SingleTenant whose app registration any
/// organisation's Teams may use. Activities signed for its app id come from several municipalities; the allow-list
/// decides which it takes, and its certificate signs what it sends.
/// </summary>
public sealed class SharedHostTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string AppId = "0f6b3d2a-5c1e-4b8f-9a7d-3e2c1b0a9f88";
    private const string HomeTenant = "d1c2b3a4-0000-4000-8000-00000000a11e";

    private static Dictionary<string, string?> SharedHostSettings(ChannelTokenIssuer issuer)
    {
        var settings = issuer.BotSettings(AppId);
        settings["MicrosoftAppType"] = "SingleTenant";
        settings["MicrosoftAppTenantId"] = HomeTenant;
        return settings;
    }

    [Fact]
    public async Task Activities_from_two_listed_municipalities_are_taken_and_a_third_with_a_valid_token_is_refused()
    {
        await using var issuer = await ChannelTokenIssuer.StartAsync();
        await using var connector = await ConnectorSink.StartAsync();
        var melhus = new TeamsActivities(connector.ServiceUrl);
        var skaun = new TeamsActivities(connector.ServiceUrl);
        var unlisted = new TeamsActivities(connector.ServiceUrl);
        var settings = SharedHostSettings(issuer);
        settings["MicrosoftAppPassword"] = "the secret variant; outbound is stubbed here";
        settings["Bot:AllowedTenants:0"] = melhus.TenantId;
        settings["Bot:AllowedTenants:1"] = skaun.TenantId;
        await using var bot = await BotServer.StartAsync(fixture.Azurite.ConnectionString, settings: settings,
            services: s => s.AddSingleton<ServiceClientCredentialsFactory>(new NoOutboundCredentials(AppId)));
        using var http = new HttpClient { BaseAddress = new Uri(bot.BaseUrl) };

        async Task<HttpStatusCode> InstallAsync(TeamsActivities municipality)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(municipality.InstallInTeam()) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Token(AppId, connector.ServiceUrl));
            return (await http.SendAsync(request)).StatusCode;
        }

        foreach (var municipality in new[] { melhus, skaun, unlisted }) Assert.Equal(HttpStatusCode.OK, await InstallAsync(municipality));

        foreach (var listed in new[] { melhus, skaun })
        {
            Assert.NotNull(await bot.Get<TeamRepository>().GetAsync(listed.TenantId, listed.TeamId));
            Assert.Contains(connector.SentTo(listed.GeneralChannelId), s => s.CardText.Contains("Hei, jeg er CareCompanion")); // the welcome
        }
        Assert.Empty(StorageScan.RowsHolding(bot, unlisted.TenantId));
        Assert.Empty(connector.SentTo(unlisted.GeneralChannelId));
    }

    [Fact]
    public async Task The_shared_hosts_certificate_from_Key_Vault_signs_the_bots_token_requests()
    {
        await using var issuer = await ChannelTokenIssuer.StartAsync();
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=carecompanion-bot", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var settings = SharedHostSettings(issuer);
        settings[BotCertificate.Setting] = Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12)); // as the Key Vault reference gives it
        await using var bot = await BotServer.StartAsync(fixture.Azurite.ConnectionString, settings: settings);

        var credentials = bot.Get<ServiceClientCredentialsFactory>();

        Assert.IsType<CertificateServiceClientCredentialsFactory>(credentials);
        Assert.True(await credentials.IsValidAppIdAsync(AppId, CancellationToken.None));
        Assert.False(await credentials.IsValidAppIdAsync("another-bot", CancellationToken.None));
        var signing = await credentials.CreateCredentialsAsync(AppId, ChannelTokenIssuer.Issuer, issuer.LoginUrl, validateAuthority: false, CancellationToken.None);
        var signedWithCertificate = Assert.IsAssignableFrom<CertificateAppCredentials>(signing);
        Assert.Equal(AppId, signedWithCertificate.MicrosoftAppId);
        Assert.Equal(HomeTenant, signedWithCertificate.ChannelAuthTenant); // token requests go to the app's home tenant
    }
}
