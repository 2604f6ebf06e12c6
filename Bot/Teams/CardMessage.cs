using System.Text.Json.Nodes;
using CareCompanion.Cards.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CareCompanion.Bot.Teams;

/// <summary>Turns a card from Cards/ (System.Text.Json) into a Bot Framework message (Newtonsoft) without parsing it again.</summary>
public static class CardMessage
{
    public static Attachment ToAttachment(JsonObject card) => new()
    {
        ContentType = AdaptiveCardJson.ContentType,
        Content = Json(card),
    };

    /// <summary>The card for Bot Framework's (Newtonsoft) serializer, which writes it as it is: no parse into a JObject.</summary>
    public static JToken Json(JsonObject card) => new JRaw(card.ToJsonString());

    public static IMessageActivity From(JsonObject card) => MessageFactory.Attachment(ToAttachment(card));
}
