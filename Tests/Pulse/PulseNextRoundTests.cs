using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Pulse;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Pulse;

/// <summary>The team's next round stays scheduled: after settings change in a week that was already asked, and by the daily check.</summary>
public sealed class PulseNextRoundTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static int Posted(PulseTeam team) => team.ChannelCards().Count(c => c.Method == "POST");

    [Fact]
    public async Task A_later_day_saved_in_a_week_already_asked_moves_the_next_round_to_that_day_next_week_and_the_pulse_goes_on()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        await team.RunAtAsync(MondayTenOslo); // this week's round is asked
        Assert.Equal(1, Posted(team));
        team.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero)); // Tuesday

        var data = new JsonObject
        {
            ["team"] = team.Teams.TeamId, ["day"] = "Wednesday", ["time"] = "14:00", ["openDays"] = "5", ["minAnswers"] = "5", ["themes"] = "",
        };
        var response = await team.Bot.PostAsync(team.Teams.ChannelCardAction(PulseVerbs.SaveSettings, data, team.Teams.UserAadObjectId));
        var reply = CardContent.InvokeReply((await response.Content.ReadFromJsonAsync<JsonObject>())!);

        Assert.Contains("Lagret. Neste spørsmål kommer onsdag 16. desember kl. 14:00.", reply);
        await team.RunAtAsync(new DateTimeOffset(2026, 12, 9, 13, 0, 0, TimeSpan.Zero)); // this Wednesday: the week was asked
        await team.RunAtAsync(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.Zero)); // the old Monday slot
        Assert.Equal(1, Posted(team));
        await team.RunAtAsync(new DateTimeOffset(2026, 12, 16, 13, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, Posted(team));
        await team.RunAtAsync(new DateTimeOffset(2026, 12, 23, 13, 0, 0, TimeSpan.Zero)); // and every week after
        Assert.Equal(3, Posted(team));
    }

    [Fact]
    public async Task The_daily_check_schedules_a_missing_next_round_and_the_team_is_asked_on_Monday()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var jobs = team.Bot.Get<JobRepository>();
        var nextRound = PulseJobs.PostKind.Id(team.Teams.TenantId, team.Teams.TeamId, "2026-W50");
        Assert.True(await jobs.CancelAsync(nextRound)); // lost, as the bug in saving settings once lost it

        await team.RunAtAsync(new DateTimeOffset(2026, 12, 3, 3, 0, 0, TimeSpan.Zero)); // the check, 03:00 UTC

        Assert.Equal(MondayTenOslo, (await jobs.GetAsync(nextRound))!.DueAt);
        await team.RunAtAsync(MondayTenOslo);
        Assert.Equal(1, Posted(team));
        Assert.NotNull(await jobs.GetAsync(PulseScheduleCheck.Kind.Id("*", new DateOnly(2026, 12, 8)))); // it checks again every day
    }
}
