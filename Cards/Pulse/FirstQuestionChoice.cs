using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Pulse;

/// <summary>
/// A part of the welcome card in a team's channel: a new team need not wait for the regular day for its first question.
/// The button is for the team's leaders and coaches (the bot checks); it does what "spør nå" does.
/// </summary>
public static class FirstQuestionChoice
{
    public static IEnumerable<JsonNode> Build(Language language, string teamId)
    {
        var t = Texts.For(language);
        yield return Text(t["pulse.askNow.first"]);
        yield return ActionSet([Execute(t["pulse.askNow.button"], PulseVerbs.AskNow, new PulseAskNowPayload(teamId))]);
    }
}
