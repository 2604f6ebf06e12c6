using CareCompanion.Storage.Pulse;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>The ids and payloads of the pulse's scheduled jobs, in one place.</summary>
public static class PulseJobs
{
    public sealed record Payload(string TeamId, string? RoundId = null);

    public static readonly JobKind<Payload> PostKind = new("pulse.post");
    public static readonly JobKind<Payload> CloseKind = new("pulse.close");

    /// <summary>The team's next round after <paramref name="after"/>: its weekly day and time where the team is.</summary>
    public static ScheduledJob Next(PulseSettings settings, Team team, DateTimeOffset after) =>
        Post(settings, team, TeamCalendar.NextSlot(settings.Day, settings.Time, team.TimeZone, after));

    /// <summary>Posting a round: one job id per team and ISO week, so a team is never asked twice in a week.</summary>
    public static ScheduledJob Post(PulseSettings settings, Team team, DateTimeOffset slot) =>
        PostKind.Create(settings.TenantId, slot, new Payload(settings.TeamId), settings.TeamId, TeamCalendar.WeekOf(team.TimeZone, slot));

    public static ScheduledJob Close(PulseRound round) =>
        CloseKind.Create(round.TenantId, round.ClosesAt, new Payload(round.TeamId, round.RoundId), round.TeamId, round.RoundId);
}
