using System.Text.Json.Nodes;
using CareCompanion.Cards.Json;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Teams;

/// <summary>Answers to Action.Execute (adaptiveCard/action): a card that replaces the one clicked, or a short message.</summary>
public static class InvokeResponses
{
    public static AdaptiveCardInvokeResponse Card(JsonObject card) => new()
    {
        StatusCode = 200,
        Type = AdaptiveCardJson.ContentType,
        Value = CardMessage.Json(card),
    };

    public static AdaptiveCardInvokeResponse Message(string text) => new()
    {
        StatusCode = 200,
        Type = "application/vnd.microsoft.activity.message",
        Value = text,
    };
}
