using CareCompanion.Cards.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Pulse;

public sealed class PulseResultsTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_leader_sees_the_trend_with_numbers_only_where_enough_answered()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var first = await team.OpenRoundAsync(MondayTenOslo);
        for (var i = 1; i <= 5; i++) await team.AnswerAsync(first, Guid.NewGuid().ToString(), i, "Privat tanke");
        var second = await team.OpenRoundAsync(MondayTenOslo.AddDays(7)); // closes week 50, opens week 51
        for (var i = 0; i < 2; i++) await team.AnswerAsync(second, Guid.NewGuid().ToString(), null, "Kort refleksjon"); // a text question
        await team.RunAtAsync(second.ClosesAt);

        await team.Bot.PostAsync(team.Teams.ChannelMessage("resultater", fromAadObjectId: team.Teams.UserAadObjectId));

        var card = team.Connector.SentTo(team.Teams.GeneralChannelId).Last().CardText;
        Assert.Contains($"Uke 50 · {QuestionLibrary.All[0].Bokmal.Text}", card);
        Assert.Contains("snitt 3,0 (5 svar)", card);
        Assert.Contains($"Uke 51 · {QuestionLibrary.All[1].Bokmal.Text}", card);
        Assert.Contains("2 svar, for få til å vise", card);
        Assert.DoesNotContain("Privat tanke", card);
    }

    [Fact]
    public async Task Staff_do_not_get_the_trend()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);

        await team.Bot.PostAsync(team.Teams.ChannelMessage("results", "en-US", fromAadObjectId: Guid.NewGuid().ToString()));

        Assert.Equal("These results are for the team's leaders, coaches, union and safety representatives.",
            team.Connector.SentTo(team.Teams.GeneralChannelId).Last().Text);
    }

    [Fact]
    public async Task A_leader_posts_the_open_question_as_the_meeting_theme_and_staff_cannot()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        await team.OpenRoundAsync(MondayTenOslo);

        await team.Bot.PostAsync(team.Teams.ChannelMessage("tema", fromAadObjectId: Guid.NewGuid().ToString()));
        Assert.Equal("Bare ledere og veiledere i teamet kan sette tema for møtet.", team.Connector.SentTo(team.Teams.GeneralChannelId).Last().Text);

        await team.Bot.PostAsync(team.Teams.ChannelMessage("tema", fromAadObjectId: team.Teams.UserAadObjectId));
        var card = team.Connector.SentTo(team.Teams.GeneralChannelId).Last().CardText;
        Assert.Contains("Tema for refleksjonsmøtet", card);
        Assert.Contains(QuestionLibrary.All[0].Bokmal.Text, card);
    }
}
