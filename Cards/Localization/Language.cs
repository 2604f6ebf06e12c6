namespace CareCompanion.Cards.Localization;

/// <summary>The languages CareCompanion speaks. Bokmål is the default.</summary>
public enum Language
{
    Bokmal,
    Nynorsk,
    English,
}

public static class LanguageResolver
{
    /// <summary>Maps a Teams/Bot Framework locale ("nb-NO", "nn-no", "en-US", "no") to a language; bokmål when unknown.</summary>
    public static Language FromLocale(string? locale)
    {
        var primary = (locale ?? "").Split('-', '_')[0].Trim().ToLowerInvariant();
        return primary switch
        {
            "nn" => Language.Nynorsk,
            "en" => Language.English,
            _ => Language.Bokmal,
        };
    }

    /// <summary>How numbers are written for this language: "3,5" in Norwegian, "3.5" in English.</summary>
    public static System.Globalization.CultureInfo Culture(this Language language) =>
        System.Globalization.CultureInfo.GetCultureInfo(language == Language.English ? "en-GB" : "nb-NO");

    /// <summary>The language of a code from a card ("nb", "nn", "en"); null for anything else (a forged or broken card).</summary>
    public static Language? FromCode(string? code) => Enum.GetValues<Language>().Where(l => l.Code() == code).Cast<Language?>().FirstOrDefault();

    public static string Code(this Language language) => language switch
    {
        Language.Nynorsk => "nn",
        Language.English => "en",
        _ => "nb",
    };
}
