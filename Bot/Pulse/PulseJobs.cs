using System.Text.Json;
using CareCompanion.Storage.Pulse;
using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>The ids and payloads of the pulse's scheduled jobs, in one place.</summary>
public static class PulseJobs
{
    public const string PostKind = "pulse.post";
    public const string CloseKind = "pulse.close";

    public sealed record Payload(string TeamId, string? RoundId = null);

    /// <summary>The team's next round after <paramref name="after"/>: its weekly day and time where the team is.</summary>
    public static ScheduledJob Next(PulseSettings settings, Team team, DateTimeOffset after) =>
        Post(settings, team, TeamCalendar.NextSlot(settings.Day, settings.Time, team.TimeZone, after));

    /// <summary>Posting a round: one job id per team and ISO week, so a team is never asked twice in a week.</summary>
    public static ScheduledJob Post(PulseSettings settings, Team team, DateTimeOffset slot) => new()
    {
        JobId = $"{PostKind}|{settings.TenantId}|{settings.TeamId}|{TeamCalendar.WeekOf(team.TimeZone, slot)}",
        Kind = PostKind,
        TenantId = settings.TenantId,
        DueAt = slot,
        Payload = JsonSerializer.Serialize(new Payload(settings.TeamId)),
    };

    public static ScheduledJob Close(PulseRound round) => new()
    {
        JobId = $"{CloseKind}|{round.TenantId}|{round.TeamId}|{round.RoundId}",
        Kind = CloseKind,
        TenantId = round.TenantId,
        DueAt = round.ClosesAt,
        Payload = JsonSerializer.Serialize(new Payload(round.TeamId, round.RoundId)),
    };

    public static Payload Read(ScheduledJob job) => JsonSerializer.Deserialize<Payload>(job.Payload)!;
}
