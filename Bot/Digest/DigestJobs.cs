using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Digest;

/// <summary>
/// The weekly digest is one job per tenant and ISO week (Friday 12:00 in the time zone of the team that set it up):
/// claimed by one instance, and the delivery rows per job and chat make each person get it at most once a week.
/// </summary>
public static class DigestJobs
{
    public static readonly DayOfWeek Day = DayOfWeek.Friday;
    public static readonly TimeOnly Time = new(12, 0);

    public sealed record Payload(string TimeZone);

    public static readonly JobKind<Payload> Kind = new("digest.weekly");

    public static ScheduledJob Weekly(string tenantId, string timeZone, DateTimeOffset after)
    {
        var due = TeamCalendar.NextSlot(Day, Time, timeZone, after);
        return Kind.Create(tenantId, due, new Payload(timeZone), TeamCalendar.WeekOf(timeZone, due));
    }
}
