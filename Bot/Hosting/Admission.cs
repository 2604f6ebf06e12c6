namespace CareCompanion.Bot.Hosting;

/// <summary>
/// Which activities the bot takes at all: only from Teams (<c>Bot:AllowedChannels</c>, default "msteams"; a local
/// emulator may be added), and, when <c>Bot:AllowedTenants</c> names any, only from those Entra tenants. Anything else
/// is ignored before a route runs: nothing is stored and nothing is answered.
/// </summary>
public sealed class Admission(IConfiguration configuration)
{
    private readonly string[] _channels = configuration.GetSection("Bot:AllowedChannels").Get<string[]>() is { Length: > 0 } channels ? channels : ["msteams"];
    // A blank entry (an empty app setting) names no tenant: it must not turn the list into "nobody".
    private readonly string[] _tenants = (configuration.GetSection("Bot:AllowedTenants").Get<string[]>() ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).ToArray();

    public bool Admits(string? channelId, string? tenantId) =>
        _channels.Contains(channelId, StringComparer.OrdinalIgnoreCase)
        && (_tenants.Length == 0 || (tenantId is not null && _tenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase)));
}
