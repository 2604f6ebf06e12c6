using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CareCompanion.Bot.Pulse;

/// <summary>What a signed link lets its holder fetch: one team's chart or CSV, in a language, until it expires.</summary>
public sealed record PulseLink(string Kind, string TenantId, string TeamId, string Language, DateTimeOffset Expires);

/// <summary>
/// Links to a team's anchor chart (PNG) and results (CSV) that work without signing in: Teams fetches a card's image
/// without the user's token, and a browser opens the CSV. The link carries what it is for and when it expires, signed
/// with the app's secret (an HMAC, as <see cref="AnswerKeys"/>): a changed or expired link is refused. It checks nothing
/// else, so whoever has the link can open it until it expires; it shows only what the team's results card shows.
/// </summary>
public sealed class PulseLinks(AnswerKeys keys, IConfiguration configuration, IHttpContextAccessor http, TimeProvider clock)
{
    public const string Chart = "chart";
    public const string Csv = "csv";
    public const string PublicUrlSetting = "Bot:PublicUrl";

    /// <summary>A card in the channel keeps showing its chart for a week; afterwards "resultater" draws a new one.</summary>
    public static readonly TimeSpan ChartLifetime = TimeSpan.FromDays(7);

    /// <summary>Minted on request for one role holder, in their personal chat: long enough to tap it, short if forwarded.</summary>
    public static readonly TimeSpan CsvLifetime = TimeSpan.FromMinutes(15);

    public string Create(string kind, string tenantId, string teamId, string language, TimeSpan lifetime)
    {
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new[] { kind, tenantId, teamId, language, expires.ToString() }));
        return $"{BaseUrl()}/api/pulse/{kind}?link={payload}.{Signature(payload)}";
    }

    /// <summary>The link's content when it is one of ours, unaltered, for <paramref name="kind"/> and not expired; else null.</summary>
    public PulseLink? Read(string kind, string? link)
    {
        if (link?.Split('.') is not [var payload, var signature]) return null;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(payload)), Encoding.ASCII.GetBytes(signature))) return null;
        string[]? parts;
        try
        {
            parts = JsonSerializer.Deserialize<string[]>(Convert.FromBase64String(FromBase64Url(payload)));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
        if (parts is not [var k, var tenant, var team, var language, var expiresText] || k != kind || !long.TryParse(expiresText, out var seconds)) return null;
        var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return expires > clock.GetUtcNow() ? new PulseLink(k, tenant, team, language, expires) : null;
    }

    private string Signature(string payload) => keys.Keyed("pulse-link|" + payload);

    /// <summary>Where Teams and browsers reach the bot: configured, App Service's host name, or the host this turn came to.</summary>
    private string BaseUrl()
    {
        if (configuration[PublicUrlSetting] is { Length: > 0 } configured) return configured.TrimEnd('/');
        if (configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } host) return "https://" + host;
        var request = http.HttpContext?.Request;
        return request is null ? "" : $"{request.Scheme}://{request.Host}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
    }
}
