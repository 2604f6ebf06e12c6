using CareCompanion.Bot.Scheduling;

namespace CareCompanion.Bot.Handover;

/// <summary>
/// The handover card for a new leader, in their personal chat. Its id is the team, the person and the moment they were
/// given the leader role, so a change Teams delivers twice, a retry, or a second old leader leaving plans it once.
/// </summary>
public static class HandoverJobs
{
    public sealed record Payload(string TeamId, string Person, string? UserId);

    public static readonly JobKind<Payload> CardKind = new("handover.card");
}
