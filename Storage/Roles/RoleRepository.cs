using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Roles;

/// <summary>Roles per person and team: PK tenant|team, RK the person's Entra object id, one row per person.</summary>
public sealed class RoleRepository(Tables tables)
{
    private readonly TableClient _table = tables.Get(TableNames.Roles);

    public async Task<IReadOnlySet<string>> GetAsync(string tenantId, string teamId, string userAadObjectId, CancellationToken ct = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.TeamPartition(tenantId, teamId), KeyEncoding.Encode(userAadObjectId), cancellationToken: ct);
        return row.HasValue ? Parse(row.Value!.GetString("Roles")) : new HashSet<string>();
    }

    /// <summary>Everyone in the team who holds a role (one partition).</summary>
    public async Task<IReadOnlyList<RoleHolder>> ListAsync(string tenantId, string teamId, CancellationToken ct = default)
    {
        var pk = KeyEncoding.TeamPartition(tenantId, teamId);
        var holders = new List<RoleHolder>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: ct))
        {
            holders.Add(new RoleHolder(row.GetString("AadObjectId") ?? row.RowKey, row.GetString("UserId"), Parse(row.GetString("Roles")))
            {
                LeaderSince = row.GetDateTimeOffset("LeaderSince"),
            });
        }
        return holders;
    }

    /// <summary>
    /// Adds a role; concurrent changes to the same person are merged, not lost (ETag-guarded). The person's Teams
    /// user id ("29:…"), when known, is kept so the bot can open a personal chat with them. With
    /// <paramref name="leaderSince"/>, a leader role given to someone who did not hold it is stamped with that moment
    /// (the handover rule reads it).
    /// </summary>
    public Task GrantAsync(string tenantId, string teamId, string userAadObjectId, string role, CancellationToken ct = default, string? teamsUserId = null,
        DateTimeOffset? leaderSince = null) =>
        ChangeAsync(tenantId, teamId, userAadObjectId, roles => roles.Add(role), teamsUserId, ct, role == Role.Leader ? leaderSince : null);

    /// <summary>Removes a role (the person stays staff).</summary>
    public Task RevokeAsync(string tenantId, string teamId, string userAadObjectId, string role, CancellationToken ct = default) =>
        ChangeAsync(tenantId, teamId, userAadObjectId, roles => roles.Remove(role), null, ct);

    private async Task ChangeAsync(string tenantId, string teamId, string userAadObjectId, Func<HashSet<string>, bool> change, string? teamsUserId,
        CancellationToken ct, DateTimeOffset? leaderSince = null)
    {
        var pk = KeyEncoding.TeamPartition(tenantId, teamId);
        var rk = KeyEncoding.Encode(userAadObjectId);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct);
            var roles = existing.HasValue ? Parse(existing.Value!.GetString("Roles")) : new HashSet<string>();
            var knownUserId = existing.HasValue ? existing.Value!.GetString("UserId") : null;
            var wasLeader = roles.Contains(Role.Leader);
            if (!change(roles) && (teamsUserId is null || teamsUserId == knownUserId)) return;
            var entity = new TableEntity(pk, rk)
            {
                ["Roles"] = string.Join(",", roles.Order()),
                ["AadObjectId"] = userAadObjectId,
                ["UserId"] = teamsUserId ?? knownUserId,
            };
            var since = !roles.Contains(Role.Leader) ? null
                : !wasLeader && leaderSince is not null ? leaderSince
                : existing.HasValue ? existing.Value!.GetDateTimeOffset("LeaderSince") : null;
            if (since is not null) entity["LeaderSince"] = since;
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

    /// <summary>Takes every role the person holds in the team (they left it).</summary>
    public Task RemoveAsync(string tenantId, string teamId, string userAadObjectId, CancellationToken ct = default) =>
        DeleteAsync(KeyEncoding.TeamPartition(tenantId, teamId), userAadObjectId, ct);

    /// <summary>Every team in the tenant where the person holds roles: a range over the tenant's partitions, for privacy requests only.</summary>
    public async Task<IReadOnlyList<(string PartitionKey, RoleHolder Holder)>> ListForPersonAsync(string tenantId, string userAadObjectId, CancellationToken ct = default)
    {
        var result = new List<(string, RoleHolder)>();
        var filter = $"{KeyEncoding.TenantTeamsFilter(tenantId)} and {TableClient.CreateQueryFilter($"RowKey eq {KeyEncoding.Encode(userAadObjectId)}")}";
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            result.Add((row.PartitionKey, new RoleHolder(userAadObjectId, row.GetString("UserId"), Parse(row.GetString("Roles")))
            {
                LeaderSince = row.GetDateTimeOffset("LeaderSince"),
            }));
        }
        return result;
    }

    public Task DeleteAsync(string partitionKey, string userAadObjectId, CancellationToken ct = default) =>
        _table.DeleteEntityAsync(partitionKey, KeyEncoding.Encode(userAadObjectId), ETag.All, ct);


    private static HashSet<string> Parse(string? roles) =>
        (roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
}

/// <summary>A person with roles in a team: their Entra object id, Teams user id (if known) and roles.</summary>
public sealed record RoleHolder(string AadObjectId, string? UserId, IReadOnlySet<string> Roles)
{
    /// <summary>When they were given the leader role with "roller" (null for a leader from before, from the install, or not a leader).</summary>
    public DateTimeOffset? LeaderSince { get; init; }
}
