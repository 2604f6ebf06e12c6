using CareCompanion.Storage.Teams;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Pulse;

/// <summary>The weekly question goes only where the app is: removed, it stops; installed again or its channel deleted, it moves.</summary>
public sealed class PulseUninstallTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private const string Vaktrommet = "19:vaktrommet@thread.tacv2";

    [Fact]
    public async Task Removing_the_app_from_the_team_stops_the_weekly_question()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);

        await team.Bot.PostAsync(team.Teams.UninstallFromTeam());
        await team.RunAtAsync(MondayTenOslo);
        await team.RunAtAsync(MondayTenOslo.AddDays(7));

        Assert.DoesNotContain(team.Connector.Attempts, a => a.CardText.StartsWith("Ukens spørsmål"));
        Assert.False((await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!.Enabled);
    }

    [Fact]
    public async Task Installed_again_in_another_channel_the_question_comes_there_with_the_teams_settings()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var settings = (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;
        await team.Pulse.SaveSettingsAsync(settings with { MinAnswers = 7 });

        await team.Bot.PostAsync(team.Teams.UninstallFromTeam());
        await team.Bot.PostAsync(team.Teams.InstallInChannel(Vaktrommet));
        await team.RunAtAsync(MondayTenOslo);

        Assert.Single(team.Connector.SentTo(Vaktrommet), s => s.CardText.StartsWith("Ukens spørsmål"));
        Assert.Empty(team.ChannelCards()); // nothing in General, where it was first installed
        Assert.Equal((true, 7), ((await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))! is var s ? (s.Enabled, s.MinAnswers) : default));
    }

    [Fact]
    public async Task When_the_teams_channel_is_deleted_the_question_comes_in_General()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        await team.Bot.PostAsync(team.Teams.UninstallFromTeam());
        await team.Bot.PostAsync(team.Teams.InstallInChannel(Vaktrommet));

        await team.Bot.PostAsync(team.Teams.ChannelDeleted(Vaktrommet));
        await team.RunAtAsync(MondayTenOslo);

        Assert.Single(team.ChannelCards());
        Assert.DoesNotContain(team.Connector.AttemptsTo(Vaktrommet), a => a.CardText.StartsWith("Ukens spørsmål"));
        Assert.Equal(team.Teams.GeneralChannelId, (await team.Bot.Get<TeamRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId))!.ConversationId);
    }
}
