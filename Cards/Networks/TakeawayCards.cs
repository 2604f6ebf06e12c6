using System.Globalization;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Networks;

/// <summary>"Bring it home": the prompt after a network meeting, and the takeaways as the team's channel shows them.</summary>
public static class TakeawayCards
{
    public static JsonObject Prompt(Language language, string teamId, string teamName, string host, string networkId, string networkName, DateOnly meeting)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode>
        {
            Heading(t.Format("network.takeaways.title", Embedded(networkName))),
            Written(t.Format("network.takeaways.intro", Embedded(teamName)), subtle: true),
        };
        for (var i = 1; i <= 3; i++) body.Add(TextInput($"takeaway{i}", t.Format("network.takeaways.label", i), NetworkVerbs.MaxReportField, true));
        var payload = new NetworkTakeawaysPayload(teamId, host, networkId, meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Card(body, [Execute(t["network.takeaways.post"], NetworkVerbs.Takeaways, payload, style: "positive")]);
    }

    public static JsonObject Posted(Language language, string networkName, string author, IReadOnlyList<string> takeaways)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t.Format("network.takeaways.posted", Embedded(networkName))), Written(author, subtle: true) };
        body.AddRange(takeaways.Select(line => Written("• " + line)));
        return Card(body);
    }
}
