using System.Security.Cryptography.X509Certificates;
using Microsoft.Bot.Connector.Authentication;

namespace CareCompanion.Bot.Hosting;

/// <summary>
/// The shared host's certificate credential. The Bot Framework reads a secret (MicrosoftAppPassword) or a managed
/// identity from configuration by itself, but not a certificate: with <c>Bot:AppCertificate</c> (a base64 PFX; on Azure
/// a Key Vault reference to the vault certificate "bot-certificate", see infra/main.bicep) the certificate signs the
/// bot's token requests to its home tenant (MicrosoftAppTenantId) instead.
/// </summary>
public static class BotCertificate
{
    public const string Setting = "Bot:AppCertificate";

    public static void AddBotCertificate(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[Setting] is not { Length: > 0 } pfx) return;
        if (configuration["MicrosoftAppId"] is not { Length: > 0 } appId || configuration["MicrosoftAppTenantId"] is not { Length: > 0 } tenantId)
        {
            throw new InvalidOperationException($"{Setting} is set, so MicrosoftAppId and MicrosoftAppTenantId (the app registration's home tenant) must be too.");
        }
        var certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(pfx), password: null);
        services.AddSingleton<ServiceClientCredentialsFactory>(sp => new CertificateServiceClientCredentialsFactory(
            certificate, appId, tenantId, sp.GetRequiredService<IHttpClientFactory>().CreateClient(), sp.GetRequiredService<ILogger<CertificateServiceClientCredentialsFactory>>()));
    }
}
