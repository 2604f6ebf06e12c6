using System.Text.Json.Nodes;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Tests.Units;

/// <summary>The routing rules without a bot: command words, the role rule, and card payloads.</summary>
public sealed class RoutingRulesTests
{
    [Theory]
    [InlineData("Mine  Data!", "mine data")]
    [InlineData("  IDÉ. ", "ide")]
    [InlineData("ny\u00a0idé?", "ny ide")]
    [InlineData("ukens   spørsmål", "ukens spørsmål")]
    public void What_people_type_is_read_as_a_command_word(string typed, string word) => Assert.Equal(word, CommandWords.Normalize(typed));

    [Fact]
    public void Every_language_s_words_answer_for_a_command()
    {
        Assert.Equal(["innstillinger", "innstillingar", "settings"], CommandWords.All("settings"));
    }

    private static readonly Access Leaders = Access.Holding(Role.Leaders, "settings.leadersOnly");

    [Theory]
    [InlineData("team-a", null, "team-a", null)] // in the channel: the channel's team
    [InlineData("team-a", "team-a", "team-a", null)]
    [InlineData("team-a", "team-b", null, "error.notAllowed")] // a card from another team, pressed in this channel
    [InlineData(null, "team-b", "team-b", null)] // a personal chat: the card's team, to be checked
    [InlineData(null, null, null, "error.notAllowed")]
    public void A_team_route_acts_for_the_channels_team_or_outside_a_channel_the_cards(string? channel, string? card, string? team, string? refusal) =>
        Assert.Equal((team, refusal), RoleGate.TeamFor(Leaders, channel, card));

    [Fact]
    public void A_route_for_channels_only_is_refused_outside_one_whatever_the_card_says() =>
        Assert.Equal((null, "command.teamOnly"), RoleGate.TeamFor(Leaders.InChannel, null, "team-a"));

    [Fact]
    public void Any_one_of_the_routes_roles_is_enough_and_none_is_not()
    {
        Assert.True(RoleGate.Allows(Leaders, new HashSet<string> { Role.Admin, Role.Coach }));
        Assert.False(RoleGate.Allows(Leaders, new HashSet<string> { Role.Coach, Role.Tillitsvalgt }));
        Assert.False(RoleGate.Allows(Leaders, new HashSet<string>()));
        Assert.True(RoleGate.Allows(Access.Member, new HashSet<string>()));
    }

    [Fact]
    public void A_card_payload_reads_what_its_card_wrote_and_the_inputs_Teams_adds_as_text()
    {
        var data = CardPayload.Write(new PulseAnswerPayload("2026-W50", "team-a", "4"));
        data[PulseAnswerPayload.CommentInput] = "Travel uke";

        Assert.Equal(new PulseAnswerPayload("2026-W50", "team-a", "4", "Travel uke"), CardPayload.Read<PulseAnswerPayload>(data));
        Assert.Equal("5", CardPayload.Read<PulseAnswerPayload>(new JsonObject { ["value"] = 5 })!.Value);
    }

    [Fact]
    public void A_card_without_the_ids_its_record_needs_or_with_the_wrong_shapes_is_refused_as_a_whole()
    {
        Assert.Null(CardPayload.Read<IdeaRef>(new JsonObject { ["team"] = "team-a" }));
        Assert.Null(CardPayload.Read<IdeaRef>(new JsonObject { ["team"] = new JsonObject { ["$ne"] = 1 }, ["idea"] = "x" }));
        Assert.Null(CardPayload.Read<IdeaRef>(new JsonObject { ["team"] = new JsonArray(1), ["idea"] = "x" }));
        Assert.Equal(new IdeaRef("team-a", "x"), CardPayload.Read<IdeaRef>(new JsonObject { ["team"] = "team-a", ["idea"] = "x", ["extra"] = true }));
    }

    [Fact]
    public void A_leaders_answer_reads_the_status_and_reason_inputs_named_after_its_idea()
    {
        var data = CardPayload.Write(new IdeaDecisionPayload("team-a", "idea-1"));
        data[IdeaVerbs.StatusInput("idea-1")] = "trying";
        data[IdeaVerbs.ReasonInput("idea-1")] = "Vi prøver i desember.";
        data[IdeaVerbs.StatusInput("idea-2")] = "notpursued";

        var answer = CardPayload.Read<IdeaDecisionPayload>(data)!;

        Assert.Equal(("trying", "Vi prøver i desember."), (answer.Status, answer.Reason));
    }
}
