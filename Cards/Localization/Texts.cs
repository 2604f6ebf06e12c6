using System.Collections.Frozen;
using System.Text.Json;

namespace CareCompanion.Cards.Localization;

/// <summary>
/// The user-facing strings, one JSON file per language in Texts/ (embedded). Keys are dotted names
/// ("welcome.title"); a missing key is a bug, so lookups throw rather than fall back silently.
/// </summary>
public sealed class Texts
{
    private static readonly FrozenDictionary<Language, Texts> All =
        Enum.GetValues<Language>().ToFrozenDictionary(l => l, Load);

    private readonly FrozenDictionary<string, string> _strings;

    private Texts(Language language, FrozenDictionary<string, string> strings)
    {
        Language = language;
        _strings = strings;
    }

    public Language Language { get; }

    public IEnumerable<string> Keys => _strings.Keys;

    public string this[string key] =>
        _strings.TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"Text '{key}' is missing for language {Language.Code()}.");

    public string Format(string key, params object[] args) => string.Format(this[key], args);

    public static Texts For(Language language) => All[language];

    public static Texts ForLocale(string? locale) => For(LanguageResolver.FromLocale(locale));

    private static Texts Load(Language language)
    {
        var name = $"CareCompanion.Cards.Texts.{language.Code()}.json";
        using var stream = typeof(Texts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded text file {name} is missing.");
        var strings = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Text file {name} is empty.");
        return new Texts(language, strings.ToFrozenDictionary());
    }
}
