using CareCompanion.Bot.Scheduling;

namespace CareCompanion.Bot.Hms;

/// <summary>
/// The HMS group's scheduled work: ask a named person to confirm, post the group's message in a team's channel, send
/// the preparation card of a circle's phase to the group, post the workshop card at the workshop's time. The id parts
/// make each happen once (a moved workshop gets a new version, and the old job stays silent).
/// </summary>
public static class HmsJobs
{
    public sealed record ConfirmPayload(string GroupTeamId, string Person, string NamedBy);

    public sealed record PostPayload(string GroupTeamId, string TeamId, string Message);

    public sealed record CirclePayload(string TeamId, string CircleId, int Phase, int Version = 0);

    public static readonly JobKind<ConfirmPayload> ConfirmKind = new("hms.confirm");
    public static readonly JobKind<PostPayload> PostKind = new("hms.post");
    public static readonly JobKind<CirclePayload> PrepareKind = new("circle.prepare");
    public static readonly JobKind<CirclePayload> WorkshopKind = new("circle.workshop");
}
