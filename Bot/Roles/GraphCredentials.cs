using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace CareCompanion.Bot.Roles;

/// <summary>The credential that reads a tenant's team owners from Microsoft Graph, or null where Graph is not asked.</summary>
public interface IGraphCredentials
{
    TokenCredential? For(string tenantId);
}

/// <summary>
/// App-only Graph credentials from <see cref="GraphOptions"/>. A municipality's own deployment asks its own tenant
/// (Graph:TenantId) and no other. A shared host (Graph:EachTenant) asks each team's own tenant for a token, which works
/// where that tenant's admin has consented to the app: a token from the host's home tenant cannot read another
/// municipality's teams.
/// </summary>
public sealed class GraphCredentials(IOptions<GraphOptions> options) : IGraphCredentials
{
    private readonly ConcurrentDictionary<string, TokenCredential> _byTenant = new(StringComparer.OrdinalIgnoreCase);

    public TokenCredential? For(string tenantId)
    {
        var o = options.Value;
        if (!o.Configured || string.IsNullOrEmpty(tenantId)) return null;
        if (!o.EachTenant && !string.Equals(tenantId, o.TenantId, StringComparison.OrdinalIgnoreCase)) return null;
        return _byTenant.GetOrAdd(tenantId, t => new ClientSecretCredential(t, o.ClientId, o.ClientSecret));
    }
}
