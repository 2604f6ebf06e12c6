using System.Text.Json.Nodes;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Welcome;

/// <summary>A command as help lists it: the word to type in the reader's language, and what it does.</summary>
public sealed record CommandHelp(string Word, string Text);

/// <summary>
/// The card sent when CareCompanion is installed, and for "hjelp" / "help": what the bot does, and behind one tap every
/// command (the bot passes them from its route table, so the list is always complete). In a team's channel it also asks
/// which language to post in there (<paramref name="teamLanguage"/>: the buttons of <c>TeamLanguageCard.Choice</c>).
/// </summary>
public static class WelcomeCard
{
    public static JsonObject Build(Language language, IReadOnlyList<CommandHelp> commands, IEnumerable<JsonNode>? teamLanguage = null)
    {
        var t = Texts.For(language);
        return Card(
        [
            Heading(t["welcome.title"]),
            Text(t["welcome.intro"]),
            LabelledText(t["welcome.pulse.label"], t["welcome.pulse.text"]),
            LabelledText(t["welcome.ideas.label"], t["welcome.ideas.text"]),
            LabelledText(t["welcome.goals.label"], t["welcome.goals.text"]),
            Text(t["welcome.start"]),
            .. teamLanguage ?? [],
            Text(t["welcome.privacy"], subtle: true),
        ], [IdeaFormCard.OpenButton(language), ShowCard(t["help.commands"], [.. commands.Select(c => (JsonNode)Text($"**{c.Word}**: {c.Text}"))])]);
    }
}
