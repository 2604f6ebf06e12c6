using System.Collections.Concurrent;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.People;

namespace CareCompanion.Bot.Languages;

/// <summary>
/// The language each person chose for what the bot writes to them ("språk nynorsk"): it wins over their Teams client's
/// locale in replies (the <see cref="Teams.Dispatcher"/> asks once per activity) and in personal messages.
/// Remembered in memory for <see cref="Remembered"/> (a choice made on another instance shows here within that time),
/// so an activity costs no storage round trip for it (README, Performance: at most two per activity).
/// </summary>
public sealed class PersonLanguages(PersonSettingsRepository settings, TimeProvider clock)
{
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<(string Tenant, string Person), (Language? Language, DateTimeOffset Until)> _known = new();

    /// <summary>
    /// The one rule for the language the bot writes to a person in: the one they chose, else <paramref name="locale"/>
    /// (their Teams client's, or the one their chat was stored with).
    /// </summary>
    public async Task<Language> OfAsync(string? tenantId, string? aadObjectId, string? locale, CancellationToken ct) =>
        await ChosenAsync(tenantId, aadObjectId, ct) ?? LanguageResolver.FromLocale(locale);

    /// <summary>
    /// The person's choice, or null when they made none (or Teams did not say who they are). When storage cannot be
    /// reached, the choice last read here still counts: the answer that says so comes in the person's own language.
    /// </summary>
    public async Task<Language?> ChosenAsync(string? tenantId, string? aadObjectId, CancellationToken ct)
    {
        if (tenantId is not { Length: > 0 } || aadObjectId is not { Length: > 0 }) return null;
        var now = clock.GetUtcNow();
        var isKnown = _known.TryGetValue((tenantId, aadObjectId), out var known);
        if (isKnown && known.Until > now) return known.Language;
        string? code;
        try
        {
            code = await settings.GetLanguageAsync(tenantId, aadObjectId, ct);
        }
        catch (Exception e) when (isKnown && Teams.TransientFault.Is(e, ct))
        {
            return known.Language;
        }
        var language = code is not null ? LanguageResolver.FromLocale(code) : (Language?)null;
        Remember(tenantId, aadObjectId, language);
        return language;
    }

    public async Task ChooseAsync(string tenantId, string aadObjectId, Language language, CancellationToken ct)
    {
        await settings.SetLanguageAsync(tenantId, aadObjectId, language.Code(), ct);
        Remember(tenantId, aadObjectId, language);
    }

    /// <summary>Deletes the person's choice (privacy requests): their Teams client's language again.</summary>
    public async Task ForgetAsync(string tenantId, string aadObjectId, CancellationToken ct)
    {
        await settings.DeleteAsync(tenantId, aadObjectId, ct);
        Remember(tenantId, aadObjectId, null);
    }

    private void Remember(string tenantId, string aadObjectId, Language? language)
    {
        if (_known.Count >= MaxRemembered) _known.Clear();
        _known[(tenantId, aadObjectId)] = (language, clock.GetUtcNow() + Remembered);
    }
}
