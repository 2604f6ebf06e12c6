using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Languages;

/// <summary>
/// "språk" in a channel, and a part of the welcome card there: which language the bot posts in in the team's channels,
/// with a button for each (each named in its own language).
/// </summary>
public static class TeamLanguageCard
{
    public static JsonObject Build(Language language, string teamId, Language current)
    {
        var t = Texts.For(language);
        return Card([Heading(t["language.team.title"]), .. Choice(language, teamId, current)]);
    }

    /// <summary>The question and its three buttons, for a card's body.</summary>
    public static IEnumerable<JsonNode> Choice(Language language, string teamId, Language current)
    {
        var t = Texts.For(language);
        yield return Text(t.Format("language.team.question", NameOf(t, current)));
        yield return ActionSet([.. Enum.GetValues<Language>().Select(l => (JsonNode)Execute(OwnName(l), LanguageVerbs.SetTeam, new TeamLanguageChoice(teamId, l.Code())))]);
    }

    /// <summary>The language's name as the reader says it ("nynorsk", "Norwegian Nynorsk").</summary>
    public static string NameOf(Texts t, Language language) => t["language.name." + language.Code()];

    /// <summary>The language's name in itself, for the buttons: a reader finds their own language whatever the card's.</summary>
    public static string OwnName(Language language)
    {
        var name = NameOf(Texts.For(language), language);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
