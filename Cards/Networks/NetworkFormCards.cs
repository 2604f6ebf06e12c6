using System.Text.Json.Nodes;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Networks;

/// <summary>What the coordinator typed, given back when something must be fixed.</summary>
public sealed record NetworkDraft(string? Name = null, string? Theme = null, IReadOnlyList<DateOnly>? Meetings = null, int DaysBefore = 7);

/// <summary>The forms to create a network ("nytt nettverk", coordinators) and to join one ("bli med i nettverk", a team's leader).</summary>
public static class NetworkFormCards
{
    public static JsonObject Create(Language language, NetworkDraft draft, string? problem = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["network.form.title"]) };
        if (problem is not null) body.Add(Text(problem, bold: true, color: "Attention"));
        body.Add(TextInput("name", t["network.form.name"], NetworkVerbs.MaxName, value: draft.Name, requiredMessage: t["network.error.name"]));
        body.Add(ChoiceSet("theme", t["network.form.theme"], NetworkVerbs.Themes.Select(th => (t[$"network.theme.{th}"], th)), draft.Theme ?? NetworkVerbs.Themes[0]));
        for (var i = 0; i < NetworkVerbs.MaxMeetings; i++)
        {
            body.Add(GoalFormCard.DateInput($"meeting{i + 1}", t.Format("network.form.meeting", i + 1), draft.Meetings?.ElementAtOrDefault(i) is { } d && d != default ? d : null));
        }
        body.Add(ChoiceSet("daysBefore", t["network.form.daysBefore"], new[] { 3, 5, 7, 10, 14 }.Select(n => (t.Format("network.form.days", n), n.ToString())),
            draft.DaysBefore.ToString()));
        return Card(body, [Execute(t["network.form.create"], NetworkVerbs.Create, new NetworkFormPayload(), style: "positive")]);
    }

    public static JsonObject Join(Language language, string teamId, string? problem = null, string? code = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["network.join.title"]) };
        if (problem is not null) body.Add(Text(problem, bold: true, color: "Attention"));
        body.Add(Text(t["network.join.intro"], subtle: true));
        body.Add(TextInput("code", t["network.join.code"], 12, value: code, requiredMessage: t["network.join.unknownCode"]));
        return Card(body, [Execute(t["network.join.button"], NetworkVerbs.Join, new NetworkJoinPayload(teamId), style: "positive")]);
    }
}
