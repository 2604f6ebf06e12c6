using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Teams;

/// <summary>
/// Teams (PK tenant, RK team), one row each as JSON. Teams installed before this table existed kept where they live in
/// their pulse settings row: the first read finds it there and stores the team row (read both, migrate on first read).
/// </summary>
public sealed class TeamRepository(Tables tables)
{
    private readonly TableClient _teams = tables.Get(TableNames.Teams);
    private readonly TableClient _pulseSettings = tables.Get(TableNames.PulseSettings);

    /// <summary>
    /// Stores the team where it was installed unless it has a row already (a second channel or a re-install keeps the first);
    /// fills in a name or group that the stored row lacks.
    /// </summary>
    public async Task<Team> AddAsync(Team team, CancellationToken ct = default)
    {
        try
        {
            await _teams.AddEntityAsync(ToEntity(team), ct);
            return team;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var stored = (await GetAsync(team.TenantId, team.TeamId, ct))!;
            if ((stored.Name is null && team.Name is not null) || (stored.AadGroupId is null && team.AadGroupId is not null))
            {
                stored = stored with { Name = stored.Name ?? team.Name, AadGroupId = stored.AadGroupId ?? team.AadGroupId };
                await _teams.UpsertEntityAsync(ToEntity(stored), TableUpdateMode.Replace, ct);
            }
            return stored;
        }
    }

    public Task SaveAsync(Team team, CancellationToken ct = default) => _teams.UpsertEntityAsync(ToEntity(team), TableUpdateMode.Replace, ct);

    public async Task<Team?> GetAsync(string tenantId, string teamId, CancellationToken ct = default)
    {
        var row = await _teams.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(tenantId), KeyEncoding.Encode(teamId), cancellationToken: ct);
        if (row.HasValue) return FromEntity(row.Value!);
        var legacy = await _pulseSettings.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(tenantId), KeyEncoding.Encode(teamId), cancellationToken: ct);
        if (!legacy.HasValue || FromPulseSettings(legacy.Value!.GetString("Settings")) is not { } migrated) return null;
        await _teams.UpsertEntityAsync(ToEntity(migrated), TableUpdateMode.Replace, ct);
        return migrated;
    }

    /// <summary>Where a team lived in its pulse settings before it had a row of its own.</summary>
    private static Team? FromPulseSettings(string? json)
    {
        try
        {
            return json is null ? null : JsonSerializer.Deserialize<Team>(json);
        }
        catch (JsonException)
        {
            return null; // settings written after the team had its own row: nothing to migrate
        }
    }

    private static TableEntity ToEntity(Team team) =>
        new(KeyEncoding.Encode(team.TenantId), KeyEncoding.Encode(team.TeamId)) { ["Team"] = JsonSerializer.Serialize(team) };

    private static Team FromEntity(TableEntity entity) => JsonSerializer.Deserialize<Team>(entity.GetString("Team")!)!;
}
