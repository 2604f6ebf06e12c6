using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Networks;

namespace CareCompanion.Tests.Cards;

/// <summary>Realistic learning-network and practice cards for <see cref="CardCatalog"/>.</summary>
internal static class NetworkSamples
{
    public static IEnumerable<(string Name, JsonObject Card)> All(Language language)
    {
        const string team = "19:a@thread.tacv2";
        var report = new ReportView("Skaun", "Hjemmetjenesten sone 2", "Fast ukemøte om palliative pasienter.", "Færre innleggelser siste fase.",
            "Ta med fastlegen.", "Hvordan få med nattevakta?");
        var network = new NetworkView("t1", "n1", "Palliasjon i Trøndelag", "palliation", new DateOnly(2027, 2, 10),
            [new("Melhus", "Sjukeheimen avd. 2"), new("Skaun", "Hjemmetjenesten sone 2")], [report]);
        yield return ("network-settings", NetworkSettingsCard.Build(language, team, true, "Melhus kommune",
            [new("a1", "Liv Hansen"), new("a2", "Ola Nordmann")], ["a1"], Texts.For(language)["network.settings.saved"]));
        yield return ("network-form", NetworkFormCards.Create(language, new NetworkDraft("Palliasjon i Trøndelag", "palliation", [new DateOnly(2027, 2, 10)])));
        yield return ("network-join", NetworkFormCards.Join(language, team, Texts.For(language)["network.join.ownTenantOff"], "K7M2QX9P"));
        yield return ("network-created", NetworkCards.Created(language, network with { JoinCode = "K7M2QX9P" }));
        yield return ("network-list", NetworkCards.List(language, [network], team));
        yield return ("network-list-empty", NetworkCards.List(language, []));
        yield return ("network-list-coordinator", NetworkCards.List(language, [network with { JoinCode = "R4TW8ZKN" }],
            notice: Texts.For(language).Format("network.code.renewed", network.Name, "R4TW8ZKN")));
        yield return ("network-status", ReportCards.Status(language, team, "t1", "n1", network.Name, new DateOnly(2027, 2, 10), report));
        yield return ("network-agenda", ReportCards.Agenda(language, "t1", "n1", network.Name, new DateOnly(2027, 2, 10), [report],
            [new LateTeam("Midtre Gauldal", "Korttidsavdelingen", "t3", "19:c@thread.tacv2")], nudge: true));
        yield return ("network-takeaways-prompt", TakeawayCards.Prompt(language, team, "Sjukeheimen avd. 2", "t1", "n1", network.Name, new DateOnly(2027, 2, 10)));
        yield return ("network-takeaways-posted", TakeawayCards.Posted(language, network.Name, "Kari Nordmann", ["Fast ukemøte om palliative pasienter", "Ta med fastlegen"]));
        yield return ("practice-share-form", PracticeCards.ShareForm(language, team, [new("idea:i1", "Idé: Fast tid til overlapp"), new("goal:g1", "Mål: Fadder første uke"),
            new("circle:c1", "Forbedringssirkel: Overlapp mellom vaktene")],
            [("team", "Teamet vårt"), ("tenant", "Kommunen vår"), ("network:n1", "Nettverket «Palliasjon i Trøndelag»")]));
        yield return ("practice-card", PracticeCards.Practice(new PracticeView("network|n1", "p1", "Melhus", "Sjukeheimen avd. 2", "Fast tid til overlapp",
            "Rapporten ble avbrutt.", "Roligere vaktskifte.", "Start med én vakt.", "palliation", true, "Kari Nordmann", 2, "Nettverket «Palliasjon i Trøndelag»"), language));
    }
}
