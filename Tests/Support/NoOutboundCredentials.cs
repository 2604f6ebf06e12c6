using Microsoft.Bot.Connector.Authentication;

namespace CareCompanion.Tests.Support;

/// <summary>Outbound calls without a real Entra token, for tests about inbound validation: replies reach the connector sink unsigned.</summary>
public sealed class NoOutboundCredentials(string appId) : ServiceClientCredentialsFactory
{
    public override Task<bool> IsValidAppIdAsync(string id, CancellationToken ct) => Task.FromResult(id == appId);
    public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken ct) => Task.FromResult(false);
    public override Task<Microsoft.Rest.ServiceClientCredentials> CreateCredentialsAsync(string id, string audience, string loginEndpoint, bool validateAuthority, CancellationToken ct) =>
        Task.FromResult<Microsoft.Rest.ServiceClientCredentials>(MicrosoftAppCredentials.Empty);
}
