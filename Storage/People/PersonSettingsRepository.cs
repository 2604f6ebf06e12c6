using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.People;

/// <summary>
/// What a person chose for themselves, PK tenant, RK their Entra object id: the language the bot writes to them in (a
/// language code, "nb", "nn" or "en"), which wins over their Teams client's locale, and what the weekly question may send
/// to their personal chat (<see cref="PulsePrompts"/>).
/// </summary>
public sealed class PersonSettingsRepository(Tables tables)
{
    private readonly TableClient _table = tables.Get(TableNames.PersonSettings);

    /// <summary>The person's chosen language code, or null when they chose none.</summary>
    public async Task<string?> GetLanguageAsync(string tenantId, string aadObjectId, CancellationToken ct = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(tenantId), KeyEncoding.Encode(aadObjectId), cancellationToken: ct);
        return row.HasValue ? row.Value!.GetString("Language") : null;
    }

    public Task SetLanguageAsync(string tenantId, string aadObjectId, string languageCode, CancellationToken ct = default) =>
        _table.UpsertEntityAsync(new TableEntity(KeyEncoding.Encode(tenantId), KeyEncoding.Encode(aadObjectId)) { ["Language"] = languageCode },
            TableUpdateMode.Merge, ct);

    /// <summary>What the weekly question may send the person; <see cref="PulsePrompts.On"/> when they chose nothing.</summary>
    public async Task<PulsePrompts> GetPulsePromptsAsync(string tenantId, string aadObjectId, CancellationToken ct = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(tenantId), KeyEncoding.Encode(aadObjectId), cancellationToken: ct);
        return row.HasValue ? Prompts(row.Value!) : PulsePrompts.On;
    }

    /// <summary>Everyone in the tenant who turned the weekly question's personal messages (partly) off: one partition query.</summary>
    public async Task<IReadOnlyDictionary<string, PulsePrompts>> ListPulsePromptsAsync(string tenantId, CancellationToken ct = default)
    {
        var pk = KeyEncoding.Encode(tenantId);
        var result = new Dictionary<string, PulsePrompts>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == pk, select: ["RowKey", PulsePromptsColumn], cancellationToken: ct))
        {
            if (Prompts(row) is not PulsePrompts.On and var prompts) result[KeyEncoding.Decode(row.RowKey)] = prompts;
        }
        return result;
    }

    public Task SetPulsePromptsAsync(string tenantId, string aadObjectId, PulsePrompts prompts, CancellationToken ct = default) =>
        _table.UpsertEntityAsync(new TableEntity(KeyEncoding.Encode(tenantId), KeyEncoding.Encode(aadObjectId)) { [PulsePromptsColumn] = prompts.ToString() },
            TableUpdateMode.Merge, ct);

    private const string PulsePromptsColumn = "PulsePrompts";

    private static PulsePrompts Prompts(TableEntity row) =>
        Enum.TryParse<PulsePrompts>(row.GetString(PulsePromptsColumn), out var prompts) ? prompts : PulsePrompts.On;

    /// <summary>Deletes everything the person chose (privacy requests); nothing happens when there is nothing.</summary>
    public Task DeleteAsync(string tenantId, string aadObjectId, CancellationToken ct = default) =>
        _table.DeleteEntityAsync(KeyEncoding.Encode(tenantId), KeyEncoding.Encode(aadObjectId), ETag.All, ct);
}
