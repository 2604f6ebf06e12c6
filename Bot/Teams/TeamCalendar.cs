using System.Globalization;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Teams;
using NodaTime;
using NodaTime.Calendars;
using NodaTime.Extensions;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// A team's local time: dates, weekly slots, ISO weeks and how a moment reads, in the team's time zone (NodaTime's tz
/// database, so Europe/Oslo's summer time is right everywhere). An unknown zone is read as <see cref="Team.DefaultTimeZone"/>.
/// </summary>
public static class TeamCalendar
{

    /// <summary>The next <paramref name="weekday"/> at <paramref name="at"/> in the time zone, strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextSlot(DayOfWeek weekday, TimeOnly at, string timeZone, DateTimeOffset after)
    {
        var zone = Zone(timeZone);
        var local = Instant.FromDateTimeOffset(after).InZone(zone).LocalDateTime;
        var day = weekday.ToIsoDayOfWeek();
        var time = LocalTime.FromHourMinuteSecondTick(at.Hour, at.Minute, 0, 0);
        var date = local.Date;
        for (var i = 0; i < 8; i++, date = date.PlusDays(1))
        {
            if (date.DayOfWeek != day) continue;
            var candidate = (date + time).InZoneLeniently(zone);
            if (candidate.ToInstant() > Instant.FromDateTimeOffset(after)) return candidate.ToDateTimeOffset();
        }
        throw new InvalidOperationException("No weekly slot found within eight days.");
    }

    /// <summary>The moment a team-local date and time happens in the time zone.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, string timeZone) =>
        (new LocalDate(date.Year, date.Month, date.Day) + LocalTime.FromHourMinuteSecondTick(time.Hour, time.Minute, 0, 0))
            .InZoneLeniently(Zone(timeZone)).ToDateTimeOffset();

    /// <summary>Today where the team is; in Norway for no team (a list across teams).</summary>
    public static DateOnly Today(TimeProvider clock, Team? team) => DateAt(clock.GetUtcNow(), team?.TimeZone ?? Team.DefaultTimeZone);

    /// <summary>The team-local date at a moment.</summary>
    public static DateOnly DateAt(DateTimeOffset at, string timeZone)
    {
        var date = Instant.FromDateTimeOffset(at).InZone(Zone(timeZone)).Date;
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>Week-unique key of a moment ("2026-W50"), the ISO week it falls in where the team is.</summary>
    public static string WeekOf(string timeZone, DateTimeOffset slot)
    {
        var date = Instant.FromDateTimeOffset(slot).InZone(Zone(timeZone)).Date;
        return $"{WeekYearRules.Iso.GetWeekYear(date)}-W{WeekYearRules.Iso.GetWeekOfWeekYear(date):D2}";
    }

    /// <summary>"fredag 11. desember kl. 10:00" in the reader's language and the team's time zone.</summary>
    public static string Describe(string timeZone, DateTimeOffset at, Language language)
    {
        var local = Instant.FromDateTimeOffset(at).InZone(Zone(timeZone)).ToDateTimeUnspecified();
        return language switch
        {
            Language.English => local.ToString("dddd d MMMM 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB")),
            Language.Nynorsk => local.ToString("dddd d. MMMM 'kl.' HH:mm", CultureInfo.GetCultureInfo("nn-NO")),
            _ => local.ToString("dddd d. MMMM 'kl.' HH:mm", CultureInfo.GetCultureInfo("nb-NO")),
        };
    }

    private static DateTimeZone Zone(string timeZone) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? DateTimeZoneProviders.Tzdb[Team.DefaultTimeZone];
}
