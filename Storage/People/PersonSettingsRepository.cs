using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.People;

/// <summary>
/// What a person chose for themselves, PK tenant, RK their Entra object id: for now the language the bot writes to them
/// in (a language code, "nb", "nn" or "en"), which wins over their Teams client's locale.
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

    /// <summary>Deletes everything the person chose (privacy requests); nothing happens when there is nothing.</summary>
    public Task DeleteAsync(string tenantId, string aadObjectId, CancellationToken ct = default) =>
        _table.DeleteEntityAsync(KeyEncoding.Encode(tenantId), KeyEncoding.Encode(aadObjectId), ETag.All, ct);
}
