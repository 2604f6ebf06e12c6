using System.Diagnostics;
using CareCompanion.Bot.About;

namespace CareCompanion.Bot.Telemetry;

/// <summary>
/// The bot's own spans (one per turn, one per job) and the names of what they carry. Tags name routes, features and
/// job kinds only: never a person, tenant, team or conversation, nor anything typed. Job ids and conversation ids
/// contain tenant, team and person ids, so no span or metric carries them.
/// </summary>
public static class BotTelemetry
{
    public const string SourceName = "CareCompanion";

    public static readonly ActivitySource Source = new(SourceName, VersionCommand.Version);

    public const string RouteKind = "carecompanion.route.kind";
    public const string RouteKey = "carecompanion.route.key";
    public const string Feature = "carecompanion.feature";
    public const string JobKind = "carecompanion.job.kind";
    public const string Outcome = "carecompanion.outcome";
    public const string StorageRoundTrips = "carecompanion.storage.round_trips";
    public const string Recipients = "carecompanion.job.recipients";
    public const string LateSeconds = "carecompanion.job.late_seconds";
}
