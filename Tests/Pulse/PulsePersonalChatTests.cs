using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Pulse;

/// <summary>"puls" in the personal chat: the open question of each of my teams, answered right there.</summary>
public sealed class PulsePersonalChatTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static async Task<string> AnswerFromPersonalChatAsync(PulseTeam team, PulseRound round, string person, int value)
    {
        var data = new JsonObject { ["round"] = round.RoundId, ["team"] = team.Teams.TeamId, ["value"] = value };
        var response = await team.Bot.PostAsync(team.Teams.PersonalCardAction(PulseVerbs.Answer, data, person));
        return CardContent.InvokeReply((await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    [Fact]
    public async Task A_member_gets_the_open_question_in_the_personal_chat_and_answers_it_there()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var round = await team.OpenRoundAsync(MondayTenOslo.AddHours(5));
        team.Connector.AddMember(team.Teams.TeamId, team.Teams.UserId, team.Teams.UserAadObjectId);

        await team.Bot.PostAsync(team.Teams.PersonalMessage("puls"));
        var card = Assert.Single(team.Connector.SentTo(team.Teams.PersonalConversationId), s => s.Card is not null);
        Assert.Contains(QuestionLibrary.All[0].Bokmal.Text, card.CardText);

        var reply = await AnswerFromPersonalChatAsync(team, round, team.Teams.UserAadObjectId, 3);

        Assert.Contains("Takk! Svaret ditt er lagret.", reply);
        Assert.Equal(3, Assert.Single(await team.Pulse.ListAnswersAsync(round)).Value);
    }

    [Fact]
    public async Task Someone_outside_the_team_sees_no_question_and_cannot_answer()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var round = await team.OpenRoundAsync(MondayTenOslo);

        await team.Bot.PostAsync(team.Teams.PersonalMessage("pulse", "en-US"));
        var reply = await AnswerFromPersonalChatAsync(team, round, Guid.NewGuid().ToString(), 5);

        Assert.Equal("None of your teams has an open question right now.", team.Connector.SentTo(team.Teams.PersonalConversationId).Last().Text);
        Assert.Contains("Du har ikke tilgang til dette.", reply);
        Assert.Empty(await team.Pulse.ListAnswersAsync(round));
    }
}
