namespace CareCompanion.Storage.Teams;

/// <summary>
/// Where a team lives for the bot: the channel it posts in (the one the app was added in), how to reach it, the team's
/// language and time zone, and its Microsoft 365 group (for Graph's owner check). Every feature that posts to a team,
/// or needs the team's date, reads this, not another feature's settings.
/// </summary>
public sealed record Team
{
    /// <summary>Norway's time zone: every team's until a team says otherwise.</summary>
    public const string DefaultTimeZone = "Europe/Oslo";

    public required string TenantId { get; init; }
    public required string TeamId { get; init; }
    public string? Name { get; init; }
    /// <summary>The team's Microsoft 365 group (Entra object id), as Teams names it in channel activities.</summary>
    public string? AadGroupId { get; init; }
    /// <summary>The channel conversation the bot posts to.</summary>
    public required string ConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    public required string BotId { get; init; }
    /// <summary>The locale of whoever added the app: the language of the team's channel posts until its leaders choose one.</summary>
    public string? Locale { get; init; }
    /// <summary>The language the leaders chose for the team's channel posts ("nb", "nn" or "en"); wins over <see cref="Locale"/>.</summary>
    public string? Language { get; init; }
    public string TimeZone { get; init; } = DefaultTimeZone;
}
