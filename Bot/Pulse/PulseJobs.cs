using System.Text.Json;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Pulse;

/// <summary>The ids and payloads of the pulse's scheduled jobs, in one place.</summary>
public static class PulseJobs
{
    public const string PostKind = "pulse.post";
    public const string CloseKind = "pulse.close";

    public sealed record Payload(string TeamId, string? RoundId = null);

    /// <summary>Posting a round: one job id per team and ISO week, so a team is never asked twice in a week.</summary>
    public static ScheduledJob Post(PulseSettings settings, DateTimeOffset slot) => new()
    {
        JobId = $"{PostKind}|{settings.TenantId}|{settings.TeamId}|{PulseCalendar.WeekOf(settings, slot)}",
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
