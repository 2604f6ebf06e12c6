using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Faults;

/// <summary>What a person is shown for one activity, however Teams carries it, and how long the bot took.</summary>
public sealed record FaultAnswer(int HttpStatus, string Shape, string Text, TimeSpan Took)
{
    /// <summary>Posts an invoke and reads its answer: a card or dialog form (its text), a message, or an error response.</summary>
    public static async Task<FaultAnswer> OfInvokeAsync(BotServer bot, JsonObject activity)
    {
        var watch = Stopwatch.StartNew();
        var response = await bot.PostAsync(activity);
        var took = watch.Elapsed;
        var body = response.Content.Headers.ContentLength == 0 ? null : await response.Content.ReadFromJsonAsync<JsonObject>();
        var (shape, text) = body switch
        {
            null => ("empty", ""),
            _ when body["type"]?.GetValue<string>() == "application/vnd.microsoft.error" => ("error", body["value"]?["message"]?.GetValue<string>() ?? ""),
            _ when body["statusCode"] is not null => body["value"] is JsonValue ? ("message", CardContent.InvokeReply(body)) : ("card", Seen(body["value"]!)),
            _ when body["task"] is JsonObject task => task["type"]?.GetValue<string>() == "continue"
                ? ("card", Seen(task["value"]!["card"]!["content"]!))
                : ("message", task["value"]?.GetValue<string>() ?? ""),
            _ when body["composeExtension"] is JsonObject extension => extension["type"]?.GetValue<string>() == "message"
                ? ("message", extension["text"]?.GetValue<string>() ?? "")
                : ("results", extension.ToJsonString()),
            _ => ("other", body.ToJsonString()),
        };
        return new FaultAnswer((int)response.StatusCode, shape, text, took);
    }

    /// <summary>A card's text and what its inputs hold, as the person sees it.</summary>
    private static string Seen(JsonNode card) => CardContent.Text(card) + "\n" + string.Join("\n", InputValues(card));

    private static IEnumerable<string> InputValues(JsonNode node) => node switch
    {
        JsonObject o when o["type"] is JsonValue type && type.GetValue<string>().StartsWith("Input.") && o["value"] is JsonValue value
            && value.TryGetValue<string>(out var typed) => [typed],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : InputValues(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : InputValues(n)),
        _ => [],
    };

    /// <summary>Posts a message or event and reads what the bot then sent into <paramref name="conversationId"/>.</summary>
    public static async Task<FaultAnswer> OfMessageAsync(BotServer bot, ConnectorSink connector, string conversationId, JsonObject activity)
    {
        var before = connector.SentTo(conversationId).Count;
        var watch = Stopwatch.StartNew();
        var response = await bot.PostAsync(activity);
        var took = watch.Elapsed;
        var sent = connector.SentTo(conversationId).Skip(before).ToList();
        var text = string.Join("\n", sent.Select(s => s.Text ?? s.CardText));
        return new FaultAnswer((int)response.StatusCode, sent.Count == 0 ? "none" : "message", text, took);
    }
}
