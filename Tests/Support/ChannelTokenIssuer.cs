using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace CareCompanion.Tests.Support;

/// <summary>
/// A local stand-in for the Bot Framework's token service: an HTTPS OpenID metadata + JWKS endpoint (self-signed
/// certificate) and an RSA key that signs channel tokens the way Teams' tokens are signed.
/// </summary>
public sealed class ChannelTokenIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "test-key-1";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _tls;

    private ChannelTokenIssuer(WebApplication app, X509Certificate2 tls, RSA signingKey, string baseUrl)
    {
        _app = app;
        _tls = tls;
        SigningKey = signingKey;
        MetadataUrl = baseUrl + "/v1/.well-known/openidconfiguration";
        EmulatorMetadataUrl = baseUrl + "/emulator/.well-known/openid-configuration";
        LoginUrl = baseUrl + "/login";
    }

    public RSA SigningKey { get; }
    public string MetadataUrl { get; }
    public string EmulatorMetadataUrl { get; }
    public string LoginUrl { get; }

    public static async Task<ChannelTokenIssuer> StartAsync()
    {
        var tls = SelfSignedLocalhost();
        var signingKey = RSA.Create(2048);
        var port = ChildProcess.FreePort();
        var baseUrl = $"https://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificate = tls })));
        var app = builder.Build();
        var parameters = signingKey.ExportParameters(false);
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new
        {
            issuer = Issuer,
            jwks_uri = baseUrl + "/v1/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        app.MapGet("/v1/keys", () => Results.Json(new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA", use = "sig", kid = KeyId,
                    n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
                    endorsements = new[] { "msteams" },
                },
            },
        }));
        await app.StartAsync();
        var issuer = new ChannelTokenIssuer(app, tls, signingKey, baseUrl);
        issuer.TrustInThisProcess();
        return issuer;
    }

    /// <summary>The bot's settings that make it validate tokens against this issuer, for the app id.</summary>
    public Dictionary<string, string?> BotSettings(string appId) => new()
    {
        ["MicrosoftAppId"] = appId,
        ["ToBotFromChannelOpenIdMetadataUrl"] = MetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = Issuer,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = EmulatorMetadataUrl,
        ["ToChannelFromBotOAuthScope"] = Issuer,
        ["ToChannelFromBotLoginUrl"] = LoginUrl,
        ["ValidateAuthority"] = "false",
        ["OAuthUrl"] = LoginUrl,
    };

    /// <summary>A signed channel token; each argument can be spoiled to build a token that must be refused.</summary>
    public string Token(string audience, string serviceUrl, TimeSpan? lifetime = null, string issuer = Issuer, RSA? key = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        var credentials = new SigningCredentials(new RsaSecurityKey(key ?? SigningKey) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);
        var token = new JwtSecurityToken(issuer, audience,
            [new Claim("serviceurl", serviceUrl)],
            notBefore: expires < now ? expires.AddHours(-1) : now.AddMinutes(-1), expires: expires, signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>
    /// The Bot Framework fetches signing keys with its own static HttpClient, which would not trust our self-signed
    /// certificate. Its key cache is per metadata URL and created on first use, so we create it first, with a client
    /// that trusts exactly this certificate (research/teams-platform.md §3.4, option b).
    /// </summary>
    private void TrustInThisProcess()
    {
        var thumbprint = _tls.Thumbprint;
        var http = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
        });
        var validation = new TokenValidationParameters { ValidIssuers = [Issuer], ValidateAudience = false, ValidateLifetime = true, RequireSignedTokens = true };
        _ = new JwtTokenExtractor(http, validation, MetadataUrl, AuthenticationConstants.AllowedSigningAlgorithms);
        _ = new JwtTokenExtractor(http, validation, EmulatorMetadataUrl, AuthenticationConstants.AllowedSigningAlgorithms);
    }

    private static X509Certificate2 SelfSignedLocalhost()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _tls.Dispose();
        SigningKey.Dispose();
    }
}
