using CareCompanion.Cards.Localization;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// The words of a command, in Cards/Texts as <c>words.{name}</c> ("innstillinger, innstilling"): every language's words
/// work whatever language the person's Teams uses; the first word of the reader's language is the one help shows.
/// </summary>
public static class CommandWords
{
    public static string Key(string command) => "words." + command;

    /// <summary>Every word for the command, in all languages.</summary>
    public static IEnumerable<string> All(string command) =>
        Enum.GetValues<Language>().SelectMany(language => Of(Texts.For(language), command)).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The command's words in one language as they are matched (see <see cref="Normalize"/>).</summary>
    public static IReadOnlyList<string> Of(Texts t, string command) => [.. Written(t, command).Select(Normalize).Distinct()];

    /// <summary>The word help shows for the command in the reader's language, as written ("idé").</summary>
    public static string Shown(Texts t, string command) => Written(t, command)[0];

    private static string[] Written(Texts t, string command) =>
        t[Key(command)].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// What the person typed, as a command word: @mention of the bot removed, trimmed, without trailing punctuation, lower
    /// case, one space between words, and é read as e (many type "ide" for "idé").
    /// </summary>
    public static string Of(Activity activity) => Normalize(activity.RemoveRecipientMention() ?? activity.Text ?? "");

    public static string Normalize(string text) =>
        string.Join(' ', text.Trim().TrimEnd('.', '!', '?').Split((char[])[' ', '\t', '\n', '\r', '\u00a0'], StringSplitOptions.RemoveEmptyEntries))
            .ToLowerInvariant().Replace('é', 'e');
}
