using System.Text.Json.Nodes;
using CareCompanion.Cards.Json;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// The answer in kind when storage failed during a route (<see cref="TransientFault"/>): a form with what the person
/// typed and "it was not saved", to send again; otherwise a short text, or an error response for a card button.
/// Never a success, since nothing may have been stored.
/// </summary>
public static class FaultReplies
{
    // Longer than any form's own limit: the words come back whole, and the form's handler checks them when sent again.
    private const int KeptWordsMaxLength = 20_000;

    public static Reply For(BotRoute route, Turn turn, IEnumerable<FormInputs> forms)
    {
        var t = turn.T;
        var inputs = forms.FirstOrDefault(f => f.Kind == route.Kind && f.Key == route.Key);
        return (route.Kind, inputs) switch
        {
            (RouteKind.Action, not null) => Reply.Card(Form(turn, inputs, Execute(t["fault.tryAgain"], route.Key, Rest(turn.Data, inputs)))),
            (RouteKind.DialogSubmit or RouteKind.ExtensionSubmit, not null) =>
                Reply.Dialog(t["fault.tryAgain"], Form(turn, inputs, new JsonObject { ["type"] = "Action.Submit", ["title"] = t["fault.tryAgain"], ["data"] = Rest(turn.Data, inputs) })),
            (RouteKind.Action, null) => Reply.Error(t["fault.unavailable"]),
            _ => Reply.Text(t["fault.unavailable"]),
        };
    }

    private static JsonObject Form(Turn turn, FormInputs inputs, JsonObject send)
    {
        var body = new List<JsonNode> { Text(turn.T["fault.notSaved"], bold: true, color: "Attention") };
        body.AddRange(inputs.In(turn.Data.Select(d => d.Key)).Select(field => TextInput(field.Id, turn.T[field.LabelKey], KeptWordsMaxLength, multiline: true, Typed(turn.Data, field.Id))));
        return Card(body, [send]);
    }

    private static string? Typed(JsonObject data, string id) =>
        data[id] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The card's data without the typed words (they travel in the inputs): ids, choices and toggles, sent back as they came.</summary>
    private static JsonObject Rest(JsonObject data, FormInputs inputs)
    {
        var rest = new JsonObject();
        foreach (var (key, value) in data)
        {
            if (!inputs.Typed(key)) rest[key] = value?.DeepClone();
        }
        return rest;
    }
}
