namespace CareCompanion.Bot.Delivery;

/// <summary>
/// Proactive sends take the connector's address from storage, and the bot's token goes with each request: a row
/// pointed at another host would hand that host the token. Only Teams' connector hosts (Bot:TrustedServiceHosts),
/// over https, are used; loopback only where Bot:AllowLoopbackServiceUrl says so (Development: the Agents Playground).
/// </summary>
public sealed class TrustedServiceUrls(IConfiguration configuration, IHostEnvironment environment)
{
    private static readonly string[] TeamsConnectorHosts = ["smba.trafficmanager.net", "*.botframework.com", "*.teams.microsoft.us"];

    private readonly string[] _hosts = configuration.GetSection("Bot:TrustedServiceHosts").Get<string[]>() is { Length: > 0 } configured
        ? configured
        : TeamsConnectorHosts;

    private readonly bool _loopback = configuration.GetValue("Bot:AllowLoopbackServiceUrl", environment.IsDevelopment());

    public bool Allows(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.IsLoopback ? _loopback : uri.Scheme == Uri.UriSchemeHttps && _hosts.Any(host => Matches(host, uri.Host)));

    /// <summary>The host alone, for a log line: a full address may carry ids.</summary>
    public static string HostOf(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "(not a url)";

    private static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : host.Equals(pattern, StringComparison.OrdinalIgnoreCase);
}
