using CareCompanion.Storage.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Pulse;

/// <summary>A round closes with the question it asked, whatever became of that question since.</summary>
public sealed class PulseCloseTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_team_question_taken_out_of_the_rotation_while_asked_still_gets_its_result()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var settings = (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;
        var own = new TeamQuestion("team-overlapp", "ethics", "scale", "Hvordan gikk overlappen denne uka?", "Dårlig", "Svært godt");
        await team.Pulse.SaveSettingsAsync(settings with { TeamQuestions = [own] });
        var round = await team.OpenRoundAsync(MondayTenOslo);
        for (var i = 1; i <= 5; i++) await team.AnswerAsync(round, Guid.NewGuid().ToString(), 4);
        var now = (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;
        await team.Pulse.SaveSettingsAsync(now with { TeamQuestions = [] });

        await team.RunAtAsync(round.ClosesAt);

        var result = team.Connector.SentTo(team.Teams.GeneralChannelId).Last(s => s.Method == "PUT").CardText;
        Assert.Contains("Hvordan gikk overlappen denne uka?", result);
        Assert.Contains("5 svar", result);
        var closed = (await team.Pulse.GetRoundAsync(team.Teams.TenantId, team.Teams.TeamId, round.RoundId))!;
        Assert.True(closed.Closed && closed.Unlinked);
    }
}
