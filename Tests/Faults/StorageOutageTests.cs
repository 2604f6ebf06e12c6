using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;
using Xunit.Abstractions;

namespace CareCompanion.Tests.Faults;

/// <summary>A care worker sends an idea while storage is down, and again from the card the bot gave back once it is up.</summary>
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private static readonly Texts T = Texts.For(Language.Bokmal);

    [Fact]
    public async Task An_idea_sent_during_an_outage_comes_back_with_its_words_and_sent_again_is_stored_once()
    {
        await using var azurite = await AzuriteServer.WithOutagesAsync();
        await using var team = await PulseTeam.InstallAsync(azurite, IdeaSteps.Monday);
        var person = Guid.NewGuid().ToString();
        var form = team.Form(title: "Fast tid til overlapp", description: "Skrevet i pausen: kl. 14:45 på vaktrommet, ti minutter.");

        azurite.GoDown();
        var watch = Stopwatch.StartNew();
        var during = await PostAsync(team, team.Teams.ChannelCardAction(IdeaVerbs.Submit, form.DeepClone().AsObject(), person));
        var answeredIn = watch.Elapsed;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await team.Bot.GetAsync("/readyz")).StatusCode);

        var card = during["value"]!.AsObject();
        var seen = CardContent.Text(card);
        Assert.Contains(T["fault.notSaved"], seen);
        var inputs = Inputs(card);
        Assert.Equal("Fast tid til overlapp", inputs["title"]);
        Assert.Equal("Skrevet i pausen: kl. 14:45 på vaktrommet, ti minutter.", inputs["description"]);

        azurite.ComeBack();
        Assert.Empty(await StoredAsync(team)); // nothing claimed, nothing half stored
        watch.Restart();
        // The person presses "Prøv igjen": Teams sends the button's data with the inputs' values.
        var button = card["actions"]!.AsArray().Single()!.AsObject();
        var again = button["data"]!.DeepClone().AsObject();
        foreach (var (id, value) in inputs) again[id] = value;
        var after = await PostAsync(team, team.Teams.ChannelCardAction(button["verb"]!.GetValue<string>(), again, person));
        var recoveredIn = watch.Elapsed;
        Assert.Equal(HttpStatusCode.OK, (await team.Bot.GetAsync("/readyz")).StatusCode);
        Assert.DoesNotContain(T["fault.notSaved"], CardContent.InvokeReply(after));

        var idea = Assert.Single(await StoredAsync(team));
        Assert.Equal(("Fast tid til overlapp", "Skrevet i pausen: kl. 14:45 på vaktrommet, ti minutter.", "workflow"), (idea.Title, idea.Description, idea.Category));
        output.WriteLine($"Fault answered in {answeredIn.TotalMilliseconds:0} ms; stored in {recoveredIn.TotalMilliseconds:0} ms once storage was back.");
    }

    [Fact]
    public async Task A_card_button_whose_handler_fails_gets_an_error_response_in_the_persons_language_not_501()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await BotServer.StartAsync(azurite.ConnectionString,
            services: s => s.AddAction<Broken>("test.broken", Access.Anyone, (h, turn, ct) => h.FailAsync()));
        var teams = new TeamsActivities(connector.ServiceUrl);

        var response = await bot.PostAsync(teams.PersonalCardAction("test.broken", [], teams.UserAadObjectId, locale: "nn-NO"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal(Texts.For(Language.Nynorsk)["error.generic"], body["value"]!["message"]!.GetValue<string>());
        Assert.Empty(connector.SentTo(teams.PersonalConversationId));
    }

    private sealed class Broken
    {
        public Task<Reply> FailAsync() => throw new InvalidOperationException("a bug, not storage");
    }

    private static async Task<JsonObject> PostAsync(PulseTeam team, JsonObject activity)
    {
        var response = await team.Bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<List<CareCompanion.Storage.Ideas.Idea>> StoredAsync(PulseTeam team) =>
        [.. await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId)];

    private static Dictionary<string, string> Inputs(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(n => n["type"]?.GetValue<string>() == "Input.Text")
            .ToDictionary(n => n["id"]!.GetValue<string>(), n => n["value"]!.GetValue<string>());
}
