using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Roles;

/// <summary>Roles per person and team: PK tenant|team, RK the person's Entra object id, one row per person.</summary>
public sealed class RoleRepository(Tables tables)
{
    private readonly TableClient _table = tables.Get(TableNames.Roles);

    public async Task<IReadOnlySet<string>> GetAsync(string tenantId, string teamId, string userAadObjectId, CancellationToken ct = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId, teamId), KeyEncoding.Encode(userAadObjectId), cancellationToken: ct);
        return row.HasValue ? Parse(row.Value!.GetString("Roles")) : new HashSet<string>();
    }

    /// <summary>Adds a role; concurrent grants to the same person are merged, not lost (ETag-guarded).</summary>
    public async Task GrantAsync(string tenantId, string teamId, string userAadObjectId, string role, CancellationToken ct = default)
    {
        var pk = Partition(tenantId, teamId);
        var rk = KeyEncoding.Encode(userAadObjectId);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct);
            var roles = existing.HasValue ? Parse(existing.Value!.GetString("Roles")) : new HashSet<string>();
            if (!roles.Add(role)) return;
            var entity = new TableEntity(pk, rk) { ["Roles"] = string.Join(",", roles.Order()) };
            try
            {
                if (existing.HasValue) await _table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, ct);
                else await _table.AddEntityAsync(entity, ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // someone else changed this person's roles meanwhile: read again and merge
            }
        }
    }

    private static string Partition(string tenantId, string teamId) => KeyEncoding.Encode(tenantId) + "|" + KeyEncoding.Encode(teamId);

    private static HashSet<string> Parse(string? roles) =>
        (roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
}
