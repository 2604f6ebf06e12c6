using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Pulse;

/// <summary>"csv" for the HMS group, in the person's own chat: a short-lived link to the team's results as a table.</summary>
public static class PulseCsvCard
{
    public static JsonObject Build(string url, int minutes, Language language)
    {
        var t = Texts.For(language);
        return Card(
            [Heading(t["pulse.csv.title"]), Text(t["pulse.csv.what"]), Text(t.Format("pulse.csv.expires", minutes), subtle: true)],
            [new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = t["pulse.csv.download"], ["url"] = url }]);
    }
}
