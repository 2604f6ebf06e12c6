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
    public static readonly JobKind<Payload> RemindKind = new("pulse.remind");

    /// <summary>
    /// The team's weekly slot after <paramref name="after"/>, whether or not that week's round already ran: ask
    /// <see cref="PulseNextRound"/> for the team's next round.
    /// </summary>
    public static ScheduledJob Next(PulseSettings settings, Team team, DateTimeOffset after) =>
        Post(settings, team, TeamCalendar.NextSlot(settings.Day, settings.Time, team.TimeZone, after));

    /// <summary>
    /// The first moment from <paramref name="now"/> on that the team's working hours allow a post: now, or the next
    /// morning's start when it is late or early where the team is.
    /// </summary>
    public static DateTimeOffset FirstAllowed(PulseSettings settings, Team team, DateTimeOffset now)
    {
        var today = TeamCalendar.DateAt(now, team.TimeZone);
        var opens = TeamCalendar.At(today, settings.QuietBefore, team.TimeZone);
        if (now < opens) return opens;
        return now < TeamCalendar.At(today, settings.QuietAfter, team.TimeZone) ? now : TeamCalendar.At(today.AddDays(1), settings.QuietBefore, team.TimeZone);
    }

    /// <summary>Posting a round: one job id per team and ISO week, so a team is never asked twice in a week.</summary>
    public static ScheduledJob Post(PulseSettings settings, Team team, DateTimeOffset slot) =>
        PostKind.Create(settings.TenantId, slot, new Payload(settings.TeamId), settings.TeamId, TeamCalendar.WeekOf(team.TimeZone, slot));

    /// <summary>
    /// The one reminder: on the next-to-last day of the round (a day before it closes, at the hour it opened). A round
    /// open less than two days gets none: the question itself is reminder enough.
    /// </summary>
    public static ScheduledJob? Remind(PulseRound round) => round.ClosesAt - round.OpenedAt < TimeSpan.FromDays(2)
        ? null
        : RemindKind.Create(round.TenantId, round.ClosesAt.AddDays(-1), new Payload(round.TeamId, round.RoundId), round.TeamId, round.RoundId);

    public static ScheduledJob Close(PulseRound round) =>
        CloseKind.Create(round.TenantId, round.ClosesAt, new Payload(round.TeamId, round.RoundId), round.TeamId, round.RoundId);
}
