using CareCompanion.Cards.Localization;
using CareCompanion.Storage.People;

namespace CareCompanion.Bot.Languages;

/// <summary>
/// The language each person chose for what the bot writes to them ("språk nynorsk"): it wins over their Teams client's
/// locale in replies (the <see cref="Teams.Dispatcher"/> reads it once per activity) and in personal messages.
/// </summary>
public sealed class PersonLanguages(PersonSettingsRepository settings)
{
    /// <summary>The person's choice, or null when they made none (or Teams did not say who they are).</summary>
    public async Task<Language?> ChosenAsync(string? tenantId, string? aadObjectId, CancellationToken ct) =>
        tenantId is { Length: > 0 } && aadObjectId is { Length: > 0 }
            && await settings.GetLanguageAsync(tenantId, aadObjectId, ct) is { } code
            ? LanguageResolver.FromLocale(code)
            : null;

    public Task ChooseAsync(string tenantId, string aadObjectId, Language language, CancellationToken ct) =>
        settings.SetLanguageAsync(tenantId, aadObjectId, language.Code(), ct);
}
