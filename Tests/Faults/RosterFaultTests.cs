using System.Text.Json.Nodes;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;
using Xunit.Abstractions;

namespace CareCompanion.Tests.Faults;

/// <summary>
/// Outside a channel, whether someone is in a team is asked of Teams' roster. When Teams fails to answer (HTTP 500, or
/// 429, or no answer at all), that is not "you are not in the team": the person is told to try again, in their language.
/// </summary>
public sealed class RosterFaultTests(AzuriteFixture fixture, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("500")]
    [InlineData("429")]
    [InlineData("no answer")]
    public async Task A_roster_read_that_fails_answers_a_member_try_again_in_their_language_and_the_next_press_works(string fault)
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var person = Guid.NewGuid().ToString();
        var idea = await team.SubmitIdeaAsync(Guid.NewGuid().ToString());
        team.Connector.AddMember(team.Teams.TeamId, "29:" + person);
        var support = () => FaultAnswer.OfInvokeAsync(team.Bot, team.Teams.PersonalCardAction(IdeaVerbs.Support, IdeaSteps.Ref(idea), person, locale: "nn-NO"));

        team.Connector.RosterStatus = fault == "no answer" ? null : int.Parse(fault);
        team.Connector.RosterHangs = fault == "no answer";
        var during = await support();
        team.Connector.RosterStatus = null;
        team.Connector.RosterHangs = false;
        var after = await support();
        output.WriteLine($"Roster {fault}: '{during.Text}' ({during.Shape}) in {during.Took.TotalMilliseconds:0} ms; then {after.Shape} in {after.Took.TotalMilliseconds:0} ms.");

        var nynorsk = Texts.For(Language.Nynorsk);
        Assert.True(team.Connector.RosterReads >= 2);
        Assert.Equal((200, "error", nynorsk["fault.unavailable"]), (during.HttpStatus, during.Shape, during.Text));
        Assert.True(during.Took < TimeSpan.FromSeconds(15), $"Answered in {during.Took}; Teams waits 15 s for a card action.");
        Assert.Equal([person], (await team.ReloadAsync(idea))!.Supporters);
    }

    [Fact]
    public async Task The_idea_command_in_a_personal_chat_while_the_roster_fails_says_try_again_not_that_the_person_has_no_team()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        team.Connector.AddMember(team.Teams.TeamId, team.Teams.UserId, team.Teams.UserAadObjectId);
        team.Connector.RosterStatus = 500;

        var during = await FaultAnswer.OfMessageAsync(team.Bot, team.Connector, team.Teams.PersonalConversationId, team.Teams.PersonalMessage("idea", locale: "en-GB"));
        team.Connector.RosterStatus = null;
        var after = await FaultAnswer.OfMessageAsync(team.Bot, team.Connector, team.Teams.PersonalConversationId, team.Teams.PersonalMessage("idé"));

        var english = Texts.For(Language.English);
        Assert.Equal(english["fault.unavailable"], during.Text);
        Assert.Contains(Texts.For(Language.Bokmal)["idea.form.title"], after.Text);
    }
}
