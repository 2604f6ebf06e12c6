namespace CareCompanion.Storage.Networks;

/// <summary>
/// A municipality's (tenant's) choices about learning networks, set by its own admin: whether its teams may be in
/// networks with other municipalities (off until switched on), its name as other units see it, and who may create
/// networks (network coordinators, by Entra object id).
/// </summary>
public sealed record TenantNetworkSettings
{
    public required string TenantId { get; init; }
    public bool CrossTenantAllowed { get; init; }
    public string MunicipalityName { get; init; } = "";
    public IReadOnlyList<string> Coordinators { get; init; } = [];
    public string? ChangedBy { get; init; }
    public DateTimeOffset? ChangedAt { get; init; }

    public static TenantNetworkSettings Default(string tenantId) => new() { TenantId = tenantId };
}
