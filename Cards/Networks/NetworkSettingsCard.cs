using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Networks;

/// <summary>A person the admin can make a network coordinator: from the team's roster, or one already named.</summary>
public sealed record CoordinatorChoice(string AadObjectId, string Name);

/// <summary>"nettverksinnstillinger": the municipality's admin decides about networks with other municipalities and names coordinators.</summary>
public static class NetworkSettingsCard
{
    public static JsonObject Build(Language language, string teamId, bool crossTenant, string municipality, IReadOnlyList<CoordinatorChoice> people,
        IReadOnlyList<string> coordinators, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["network.settings.title"]) };
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.Add(Text(t["network.settings.intro"], subtle: true));
        body.Add(TextInput("municipality", t["network.settings.municipality"], NetworkVerbs.MaxMunicipality, value: municipality));
        body.Add(new JsonObject
        {
            ["type"] = "Input.Toggle", ["id"] = "crossTenant", ["title"] = t["network.settings.crossTenant"],
            ["value"] = crossTenant ? "true" : "false", ["valueOn"] = "true", ["valueOff"] = "false",
        });
        body.Add(Text(t["network.settings.crossTenantMeans"], subtle: true));
        if (people.Count > 0)
        {
            body.Add(ChoiceSet("coordinators", t["network.settings.coordinators"], people.Select(p => (p.Name, p.AadObjectId)),
                string.Join(",", coordinators), multiSelect: true));
        }
        return Card(body, [Execute(t["network.settings.save"], NetworkVerbs.SaveSettings, new NetworkSettingsPayload(teamId), style: "positive")]);
    }
}
