using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CareCompanion.Cards.Json;

/// <summary>
/// The data of a card action, as one record per verb shared by the card that writes it and the handler that reads it.
/// Keys are camelCase (what the cards sent before records existed, so cards already posted in Teams keep working), input
/// values arrive as strings, and anything that does not fit the record is refused as a whole.
/// </summary>
public static class CardPayload
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        // A record's non-nullable properties (the team, the idea) must be there: a card without them is refused.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new TextOrNumber() },
    };

    public static JsonObject Write(object payload) =>
        JsonSerializer.SerializeToNode(payload, payload.GetType(), Options) as JsonObject ?? [];

    /// <summary>The payload as <typeparamref name="T"/>, or null when it is missing or does not fit (a forged or broken card).</summary>
    public static T? Read<T>(JsonObject? data) where T : class
    {
        if (data is null) return null;
        try
        {
            return data.Deserialize<T>(Options);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Teams sends inputs as strings ("5"), cards carry numbers as we wrote them (5): a text field takes both.</summary>
    private sealed class TextOrNumber : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            _ => throw new JsonException("Expected text."),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}

/// <summary>Numbers from a card's inputs, which Teams sends as text.</summary>
public static class CardNumbers
{
    /// <summary>A whole number ("5", "5.0"), or null for anything else.</summary>
    public static int? Whole(string? text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : null;
}
