using System.Text.Json.Nodes;
using CareCompanion.Cards.Json;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CareCompanion.Bot.Teams;

/// <summary>Answers to Action.Execute (adaptiveCard/action): a card that replaces the one clicked, or a short message.</summary>
public static class InvokeResponses
{
    public static AdaptiveCardInvokeResponse Card(JsonObject card) => new()
    {
        StatusCode = 200,
        Type = AdaptiveCardJson.ContentType,
        Value = JObject.Parse(card.ToJsonString()),
    };

    public static AdaptiveCardInvokeResponse Message(string text) => new()
    {
        StatusCode = 200,
        Type = "application/vnd.microsoft.activity.message",
        Value = text,
    };
}
