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

    /// <summary>
    /// The text with its placeholders filled in. A text that counts something ("{1} dager igjen") may have a singular
    /// form under "&lt;key&gt;.one" ("{1} dag igjen"), used when the count is 1. The count is the first whole-number
    /// argument, so a text has at most one count; compose texts with two counts from two keys.
    /// </summary>
    public string Format(string key, params object[] args)
    {
        var count = args.FirstOrDefault(a => a is int or long);
        var text = count is not null && Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture) == 1
            && _strings.TryGetValue(key + SingularSuffix, out var one) ? one : this[key];
        return string.Format(text, args);
    }

    /// <summary>The suffix of a text's singular form ("goal.card.daysLeft.one").</summary>
    public const string SingularSuffix = ".one";

    /// <summary>Whether there is a text under <paramref name="key"/>.</summary>
    public bool Has(string key) => _strings.ContainsKey(key);

    /// <summary>Quoted as the language quotes: «…» in Norwegian, “…” in English.</summary>
    public string Quote(string text) => Language == Language.English ? $"“{text}”" : $"«{text}»";

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
