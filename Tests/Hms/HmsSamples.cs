using System.Text.Json.Nodes;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Localization;

namespace CareCompanion.Tests.Hms;

/// <summary>The HMS group's and the improvement circle's cards with realistic data, for the card catalog.</summary>
public static class HmsSamples
{
    private const string Team = "19:team@thread.tacv2";

    public static IEnumerable<(string Name, JsonObject Card)> All(Language language)
    {
        var group = new HmsGroupView(Team, ["Avdeling 2 sykehjem", "Avdeling 3 sykehjem"],
        [
            new("Ola Leder", "leader", true), new("Siri Tillitsvalgt", "tillitsvalgt", true), new("Per Verneombud", "verneombud", false),
        ]);
        var roster = Enumerable.Range(1, 30).Select(i => ($"Ansatt nummer {i}", $"29:user-{i}")).ToList();
        var teams = new List<HmsTeamChoice> { new(Team, "Avdeling 2 sykehjem"), new("19:other@thread.tacv2", "Avdeling 3 sykehjem") };
        yield return ("hms-group", HmsCards.Group(language, Team, group, roster, teams, Texts.For(language)["hms.created"]));
        yield return ("hms-group-personal", HmsCards.Group(language, Team, group, [], teams));
        yield return ("hms-choose", HmsCards.Choose(language, Team, [new("19:other@thread.tacv2", "Avdeling 3 sykehjem")]));
        yield return ("hms-confirm", HmsCards.ConfirmRequest(language, Team, "Ola Leder", "verneombud", "Avdeling 2 sykehjem"));
        yield return ("hms-message", HmsCards.Message(language, "Vi vil høre fra dere om overlapp før personalmøtet på torsdag. Skriv på kortet i kanalen, gjerne anonymt.",
            [new("Ola Leder", "leader", true), new("Siri Tillitsvalgt", "tillitsvalgt", true)]));

        var inputs = Enumerable.Range(1, 14).Select(i => new InputView($"Innspill {i}: kveldsvakta får sjelden med seg det som ble sagt på morgenen.", i % 3 == 0 ? null : "Kari Nordmann")).ToList();
        var explore = new WorksheetView(0, new string('x', 300) + " Beskjeder blir borte ved vaktskifte.", [], inputs);
        var proposals = new WorksheetView(2, "Tre forslag kom fram.", ["Fast overlapp kl. 14:45", "Sjekkliste på vaktrommet", "Kort beskjed i Teams før vakta", "Faste makkerpar",
            "Rapport ved sengen", new string('y', 90)], inputs.Take(2).ToList()) { Votes = [1, 4, 0, 2, 0, 0] };
        var circle = new CircleView(Team, "c1", "Avdeling 2 sykehjem", "Overlapp mellom vaktene", 1) { Baton = explore, WorkshopAt = "tirsdag 15. desember kl. 14:30" };
        yield return ("circle-preparation", CircleCards.Preparation(circle with { Baton = null }, language));
        yield return ("circle-workshop", CircleCards.Workshop(circle, language));
        yield return ("circle-baton", CircleCards.Baton(circle, explore, language, Texts.For(language)["circle.worksheet.done"]));
        yield return ("circle-baton-vote", CircleCards.Baton(circle with { Phase = 2 }, proposals, language));
        var test = circle with { Phase = 3, Baton = proposals, Picked = "Sjekkliste på vaktrommet", IdeaCategories = ["patientsafety", "workenvironment", "workflow", "learning", "involvement", "other"] };
        yield return ("circle-workshop-test", CircleCards.Workshop(test, language));
        yield return ("circle-workshop-goal-made", CircleCards.Workshop(test with { MadeInto = "goal" }, language));
        yield return ("circle-workshop-idea-made", CircleCards.Workshop(test with { MadeInto = "idea" }, language));
    }
}
