using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;

namespace CareCompanion.Tests.Units;

/// <summary>A team's local time without storage: summer time, ISO weeks, how a moment reads.</summary>
public sealed class TeamCalendarTests
{
    [Fact]
    public void Monday_ten_oclock_in_Oslo_is_nine_UTC_in_winter_and_eight_UTC_in_summer()
    {
        var winter = TeamCalendar.NextSlot(DayOfWeek.Monday, new TimeOnly(10, 0), "Europe/Oslo", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var summer = TeamCalendar.NextSlot(DayOfWeek.Monday, new TimeOnly(10, 0), "Europe/Oslo", new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), winter.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 6, 8, 8, 0, 0, TimeSpan.Zero), summer.ToUniversalTime());
    }

    [Fact]
    public void The_slot_on_the_night_summer_time_starts_is_still_one_slot_and_the_next_one_is_a_week_later()
    {
        // Sunday 29 March 2026, 02:30 does not exist in Oslo (the clocks jump from 02:00 to 03:00).
        var slot = TeamCalendar.NextSlot(DayOfWeek.Sunday, new TimeOnly(2, 30), "Europe/Oslo", new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        var next = TeamCalendar.NextSlot(DayOfWeek.Sunday, new TimeOnly(2, 30), "Europe/Oslo", slot);

        Assert.Equal(new DateOnly(2026, 3, 29), TeamCalendar.DateAt(slot, "Europe/Oslo"));
        Assert.Equal(new DateOnly(2026, 4, 5), TeamCalendar.DateAt(next, "Europe/Oslo"));
    }

    [Theory]
    [InlineData(2026, 12, 31, "2026-W53")] // 2026 has 53 ISO weeks
    [InlineData(2027, 1, 3, "2026-W53")] // a Sunday: still the old year's week
    [InlineData(2027, 1, 4, "2027-W01")]
    [InlineData(2025, 12, 29, "2026-W01")] // a Monday in December starting the next year's first week
    public void ISO_weeks_are_counted_where_the_team_is(int year, int month, int day, string week) =>
        Assert.Equal(week, TeamCalendar.WeekOf("Europe/Oslo", new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Late_Sunday_evening_in_Oslo_is_already_Monday_in_Auckland_and_a_new_week()
    {
        var at = new DateTimeOffset(2026, 12, 6, 22, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026-W49", TeamCalendar.WeekOf("Europe/Oslo", at));
        Assert.Equal("2026-W50", TeamCalendar.WeekOf("Pacific/Auckland", at));
    }

    [Fact]
    public void An_unknown_time_zone_is_read_as_Norways()
    {
        var at = new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(TeamCalendar.DateAt(at, "Europe/Oslo"), TeamCalendar.DateAt(at, "Not/AZone"));
    }

    [Fact]
    public void A_moment_reads_in_the_readers_language_and_the_teams_time()
    {
        var at = new DateTimeOffset(2026, 12, 11, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal("fredag 11. desember kl. 10:00", TeamCalendar.Describe("Europe/Oslo", at, Language.Bokmal));
        Assert.Equal("Friday 11 December at 10:00", TeamCalendar.Describe("Europe/Oslo", at, Language.English));
    }
}
