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

    /// <summary>The command's words in one language, first the one to show.</summary>
    public static IReadOnlyList<string> Of(Texts t, string command) =>
        [.. t[Key(command)].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Normalize)];

    /// <summary>What the person typed, as a command word: @mention of the bot removed, trimmed, without trailing punctuation, lower case.</summary>
    public static string Of(Activity activity) => Normalize(activity.RemoveRecipientMention() ?? activity.Text ?? "");

    public static string Normalize(string text) =>
        string.Join(' ', text.Trim().TrimEnd('.', '!', '?').Split((char[])[' ', '\t', '\n', '\r', '\u00a0'], StringSplitOptions.RemoveEmptyEntries))
            .ToLowerInvariant();
}
