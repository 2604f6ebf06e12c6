using System.Net;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Foundation;

[Collection(BotCollection.Name)]
public sealed class CommandTests(BotFixture fixture)
{
    [Theory]
    [InlineData("hjelp", "nb-NO", "Hei, jeg er CareCompanion")]
    [InlineData("Hjelp!", "nb-NO", "Hei, jeg er CareCompanion")]
    [InlineData("  HELP ", "en-US", "Hi, I'm CareCompanion")]
    [InlineData("hjelp", "nn-NO", "Hei, eg er CareCompanion")]
    public async Task Help_in_personal_chat_shows_the_welcome_card(string text, string locale, string expected)
    {
        var teams = fixture.Activities();

        await fixture.Bot.PostAsync(teams.PersonalMessage(text, locale));

        var reply = Assert.Single(fixture.Connector.SentTo(teams.PersonalConversationId));
        Assert.Contains(expected, reply.CardText);
    }

    [Fact]
    public async Task Help_with_an_at_mention_in_a_channel_shows_the_welcome_card()
    {
        var teams = fixture.Activities();

        await fixture.Bot.PostAsync(teams.ChannelMessage("hjelp"));

        var reply = Assert.Single(fixture.Connector.SentTo(teams.GeneralChannelId));
        Assert.Contains("Hei, jeg er CareCompanion", reply.CardText);
    }

    [Fact]
    public async Task An_unknown_command_gets_a_short_hint_in_the_users_language()
    {
        var teams = fixture.Activities();

        await fixture.Bot.PostAsync(teams.PersonalMessage("hva er klokka", "nb-NO"));

        var reply = Assert.Single(fixture.Connector.SentTo(teams.PersonalConversationId));
        Assert.Equal("Det forstod jeg ikke. Skriv **hjelp** for å se hva jeg kan.", reply.Text);
    }

    [Fact]
    public async Task The_public_health_page_says_only_that_the_bot_is_up_and_its_figures_need_the_operators_key()
    {
        var teams = fixture.Activities();
        await fixture.Bot.PostAsync(teams.InstallInTeam());

        var health = await fixture.Bot.GetAsync("/healthz");
        var keyless = await fixture.Bot.GetAsync("/metrics");
        var metrics = await fixture.Bot.MetricsAsync();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var fields = System.Text.Json.Nodes.JsonNode.Parse(await health.Content.ReadAsStringAsync())!.AsObject().Select(p => p.Key);
        Assert.Equal(["status", "version"], fields);
        Assert.Equal(HttpStatusCode.NotFound, keyless.StatusCode);
        Assert.Contains("\"liveInstances\"", metrics);
        Assert.Contains("\"instance\"", metrics);
    }
}
