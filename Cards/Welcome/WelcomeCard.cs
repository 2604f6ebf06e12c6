using System.Text.Json.Nodes;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Welcome;

/// <summary>The card sent when CareCompanion is installed, and for "hjelp" / "help".</summary>
public static class WelcomeCard
{
    public static JsonObject Build(Language language)
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
            Text(t["welcome.privacy"], subtle: true),
        ], [IdeaFormCard.OpenButton(language)]);
    }
}
