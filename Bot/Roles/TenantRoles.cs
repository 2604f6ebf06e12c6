using CareCompanion.Storage.Networks;
using Microsoft.Extensions.Options;

namespace CareCompanion.Bot.Roles;

/// <summary>
/// The roles a person holds for a whole tenant (municipality), next to <see cref="RoleGate"/> which asks here, and the
/// one place that says whether two tenants may see each other's shared items. A tenant admin is a person the deployment
/// names in <see cref="RoleOptions.TenantAdmins"/>, as "tenant id:object id" (a shared host serving many municipalities
/// names each admin with their tenant) or as a plain object id (a municipality's own deployment); tenant and person come
/// from what Teams signed. The team role "admin" is not enough, since a team's leaders can give it. A
/// network coordinator is a person the tenant's admin named in the tenant's network settings. Nothing is cached: a
/// change counts from the next turn.
/// </summary>
public sealed class TenantRoles(NetworkRepository networks, IOptions<RoleOptions> options)
{
    public const string Admin = "tenantAdmin";
    public const string NetworkCoordinator = "nettverkskoordinator";

    public bool IsAdmin(string tenantId, string person) =>
        options.Value.TenantAdmins.Any(entry => entry.Equals($"{tenantId}:{person}", StringComparison.OrdinalIgnoreCase) || entry.Equals(person, StringComparison.OrdinalIgnoreCase));

    public async Task<bool> HoldsAnyAsync(string tenantId, string person, IReadOnlyList<string> roles, CancellationToken ct) =>
        (roles.Contains(Admin) && IsAdmin(tenantId, person))
        || (roles.Contains(NetworkCoordinator) && (await networks.SettingsAsync(tenantId, ct)).Coordinators.Contains(person, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Whether something of <paramref name="ownerTenant"/> may be shown in <paramref name="readerTenant"/>: always within a
    /// tenant; across tenants only while both allow cross-tenant networks now (read at each call, so switching off hides at once).
    /// </summary>
    public async Task<bool> MaySeeAcrossAsync(string readerTenant, string ownerTenant, CancellationToken ct) =>
        readerTenant == ownerTenant
        || ((await networks.SettingsAsync(ownerTenant, ct)).CrossTenantAllowed && (await networks.SettingsAsync(readerTenant, ct)).CrossTenantAllowed);
}
