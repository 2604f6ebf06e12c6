using System.Text.Json.Nodes;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Localization;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Trust;

/// <summary>A team's name is written by its owners: in our sentences it stays a name (security review L10).</summary>
public sealed class IdeaTeamNameTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_thanks_after_a_dialog_idea_keeps_a_right_to_left_override_in_the_team_name_inside_the_name()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        const string name = "Avd. 2 \u202Eredro ni";
        var submit = team.Teams.ChannelInvoke("task/submit", new JsonObject { ["data"] = team.Form(title: "Fast tid til overlapp") }, Guid.NewGuid().ToString());
        submit["channelData"]!["team"]!["name"] = name; // as the team's owners named it in Teams

        var response = await team.Bot.PostAsync(submit);

        var shown = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["task"]!["value"]!.GetValue<string>();
        Assert.Equal(Texts.For(Language.Bokmal).Format("idea.submitted", AdaptiveCardJson.Embedded(name)), shown);
        Assert.StartsWith("Takk! Ideen er sendt til \u2068Avd. 2 \u202Eredro ni\u2069. Du får beskjed", shown);
    }
}
