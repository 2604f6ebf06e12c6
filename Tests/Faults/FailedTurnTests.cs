using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Installation;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CareCompanion.Tests.Faults;

/// <summary>
/// A turn that fails for a reason the bot did not foresee (a bug, not an outage): the person who acted learns it went
/// wrong, and a team's channel sees nothing of it (security review L13: a public error per tap, a timing side channel).
/// </summary>
public sealed class FailedTurnTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_channel_button_whose_handler_fails_answers_the_person_who_tapped_and_posts_nothing_in_the_channel()
    {
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await BotServer.StartAsync(fixture.Azurite.ConnectionString,
            services: s => s.AddAction<Broken>("test.broken", Access.Anyone, (h, turn, ct) => h.FailAsync()));
        var teams = new TeamsActivities(connector.ServiceUrl);

        var response = await bot.PostAsync(teams.ChannelCardAction("test.broken", [], teams.UserAadObjectId, locale: "en-GB"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(Texts.For(Language.English)["error.generic"], body["value"]!["message"]!.GetValue<string>());
        Assert.Empty(connector.AttemptsTo(teams.GeneralChannelId));
    }

    [Fact]
    public async Task An_install_in_a_team_that_fails_posts_no_error_into_the_teams_channel()
    {
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await BotServer.StartAsync(fixture.Azurite.ConnectionString,
            services: s => s.AddSingleton<IInstallationListener, BrokenListener>());
        var teams = new TeamsActivities(connector.ServiceUrl);

        await bot.PostAsync(teams.InstallInTeam());

        Assert.Empty(connector.AttemptsTo(teams.GeneralChannelId));
    }

    [Fact]
    public async Task A_personal_message_whose_handler_fails_gets_the_friendly_error_in_the_chat()
    {
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await BotServer.StartAsync(fixture.Azurite.ConnectionString,
            services: s => s.AddAction<Broken>("test.broken", Access.Anyone, (h, turn, ct) => h.FailAsync()));
        var teams = new TeamsActivities(connector.ServiceUrl);
        var submitted = teams.PersonalMessage(""); // an Action.Submit outside a dialog: a message carrying the verb
        submitted["value"] = new JsonObject { ["verb"] = "test.broken" };

        await bot.PostAsync(submitted);

        Assert.Equal(Texts.For(Language.Bokmal)["error.generic"], Assert.Single(connector.SentTo(teams.PersonalConversationId)).Text);
    }

    private sealed class Broken
    {
        public Task<Reply> FailAsync() => throw new InvalidOperationException("a bug, not storage");
    }

    private sealed class BrokenListener : IInstallationListener
    {
        public Task OnInstalledAsync(Installed installed, CancellationToken ct) => throw new InvalidOperationException("a bug, not storage");
    }
}
