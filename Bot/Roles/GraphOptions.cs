namespace CareCompanion.Bot.Roles;

/// <summary>
/// Microsoft Graph, app-only (client credentials), to read who owns a team. Optional: without it, the person who
/// added the app is the team's first leader and leaders give roles with the "roller" card.
/// Needs the application permission TeamMember.Read.All (admin consent).
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>The municipality's own tenant: Graph is asked about its teams only.</summary>
    public string? TenantId { get; set; }

    /// <summary>On a shared host: Graph is asked in each team's own tenant (each municipality's admin consents to the app).</summary>
    public bool EachTenant { get; set; }

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    public bool Configured => (EachTenant || !string.IsNullOrEmpty(TenantId)) && !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret);
}
