using System.Globalization;
using Newtonsoft.Json.Linq;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// Reads values from an Action.Execute payload. Teams sends inputs as strings ("5"), card data as we wrote it;
/// anything unreadable is null, so a forged or broken payload is refused, not a crash.
/// </summary>
public static class CardData
{
    public static JObject Of(Microsoft.Bot.Schema.AdaptiveCardInvokeValue invoke) => invoke.Action?.Data as JObject ?? [];

    public static string? String(JObject data, string key) => data[key]?.Type switch
    {
        JTokenType.String or JTokenType.Integer or JTokenType.Float => data[key]!.ToString(),
        _ => null,
    };

    public static int? Int(JObject data, string key) =>
        double.TryParse(String(data, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == Math.Floor(value)
            && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : null;
}
