using System.Globalization;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Pulse;
using NodaTime;
using NodaTime.Calendars;
using NodaTime.Extensions;

namespace CareCompanion.Bot.Pulse;

/// <summary>Team-local time for the pulse (NodaTime's tz database, so Europe/Oslo's summer time is right everywhere).</summary>
public static class PulseCalendar
{
    /// <summary>The team's next weekly slot strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextSlot(PulseSettings settings, DateTimeOffset after) =>
        NextSlot(settings.Day, settings.Time, settings.TimeZone, after);

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

    /// <summary>The team-local date at a moment.</summary>
    public static DateOnly DateAt(DateTimeOffset at, string timeZone)
    {
        var date = Instant.FromDateTimeOffset(at).InZone(Zone(timeZone)).Date;
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>Week-unique key of a slot ("2026-W50"): a team is asked at most once per ISO week.</summary>
    public static string WeekOf(PulseSettings settings, DateTimeOffset slot) => WeekOf(settings.TimeZone, slot);

    public static string WeekOf(string timeZone, DateTimeOffset slot)
    {
        var date = Instant.FromDateTimeOffset(slot).InZone(Zone(timeZone)).Date;
        return $"{WeekYearRules.Iso.GetWeekYear(date)}-W{WeekYearRules.Iso.GetWeekOfWeekYear(date):D2}";
    }

    /// <summary>"fredag 11. desember kl. 10:00" in the reader's language and the team's time zone.</summary>
    public static string Describe(PulseSettings settings, DateTimeOffset at, Language language) => Describe(settings.TimeZone, at, language);

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
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? DateTimeZoneProviders.Tzdb["Europe/Oslo"];
}
