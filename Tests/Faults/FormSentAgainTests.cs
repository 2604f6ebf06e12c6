using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage;
using CareCompanion.Storage.Ideas;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Faults;

/// <summary>
/// The same idea form pressed again — after storage went away halfway, or after Teams lost the bot's answer — is a new
/// activity with a new id. Whichever way the form was opened, the person gets one idea, stored once, posted once.
/// </summary>
public sealed class FormSentAgainTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts T = Texts.For(Language.Bokmal);

    private static readonly (string Id, string Value)[] Typed =
        [("title", "Fast tid til overlapp"), ("description", "Skrevet i pausen: kl. 14:45 på vaktrommet."), ("category", "workflow"), ("anonymous", "false")];

    [Fact]
    public async Task An_idea_stored_just_before_storage_went_away_and_sent_again_from_the_fault_card_is_one_idea_posted_once()
    {
        await using var azurite = await AzuriteServer.WithOutagesAsync();
        await using var team = await PulseTeam.InstallAsync(azurite, IdeaSteps.Monday);
        var person = Guid.NewGuid().ToString();
        var send = await OpenFormAsync(team, "card", person);

        // The idea's row is written; storage goes away as the bot schedules its channel post.
        var jobs = "/" + team.TablePrefix + TableNames.Jobs;
        azurite.GoDownAt(request => request.Contains(jobs, StringComparison.Ordinal));
        var during = await InvokeAsync(team, send.Press(person, Typed));
        azurite.ComeBack();
        Assert.Contains(T["fault.notSaved"], CardContent.Text(during["value"]!));
        Assert.Single(await StoredAsync(team)); // half stored: the idea, not its post

        // "Prøv igjen" on the card the bot gave back: a new activity, with the words the card kept.
        var retry = FaultCardButton(during["value"]!.AsObject());
        var after = await InvokeAsync(team, team.Teams.ChannelCardAction(retry.Verb, retry.Data, person));
        Assert.DoesNotContain(T["fault.notSaved"], CardContent.InvokeReply(after));
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(1));

        var idea = Assert.Single(await StoredAsync(team));
        Assert.Equal(("Fast tid til overlapp", "Skrevet i pausen: kl. 14:45 på vaktrommet."), (idea.Title, idea.Description));
        Assert.Single(team.IdeaCardsInChannel());
    }

    [Theory]
    [InlineData("card")]
    [InlineData("dialog")]
    [InlineData("extension")]
    public async Task A_form_sent_again_because_Teams_lost_the_answer_is_one_idea_posted_once(string openedFrom)
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var person = Guid.NewGuid().ToString();
        var send = await OpenFormAsync(team, openedFrom, person);

        await team.Bot.PostAsync(send.Press(person, Typed)); // stored, but the answer never reached the person
        var again = await team.Bot.PostAsync(send.Press(person, Typed));
        again.EnsureSuccessStatusCode();
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(1));

        Assert.Equal("Fast tid til overlapp", Assert.Single(await StoredAsync(team)).Title);
        Assert.Single(team.IdeaCardsInChannel());
    }

    [Fact]
    public async Task Someone_sending_a_copy_of_my_form_gets_an_idea_of_their_own_and_mine_stays_as_I_wrote_it()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var (me, colleague) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var send = await OpenFormAsync(team, "card", me);

        await team.Bot.PostAsync(send.Press(me, Typed));
        await team.Bot.PostAsync(send.Press(colleague, [("title", "Noe helt annet"), ("description", "Overskrevet?"), ("category", "workflow"), ("anonymous", "false")]));

        var stored = await StoredAsync(team);
        Assert.Equal(2, stored.Count);
        var mine = Assert.Single(stored, i => i.SubmitterAadObjectId == me);
        Assert.Equal(("Fast tid til overlapp", "Skrevet i pausen: kl. 14:45 på vaktrommet."), (mine.Title, mine.Description));
        Assert.Equal("Noe helt annet", Assert.Single(stored, i => i.SubmitterAadObjectId == colleague).Title);
    }

    [Fact]
    public async Task A_colleague_who_saw_the_form_in_the_channel_cannot_compute_which_anonymous_idea_came_from_it()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var person = Guid.NewGuid().ToString();
        var send = await OpenFormAsync(team, "card", person); // posted in the channel: every member can read its data

        await team.Bot.PostAsync(send.Press(person, [("title", "Bytte av nattevakt"), ("description", ""), ("category", "workflow"), ("anonymous", "true")]));

        // The colleague knows this code: an id made from the form's id by an unkeyed hash would name the sender.
        var formId = send.Data["form"]!.GetValue<string>();
        var guessed = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{team.Teams.TenantId}|form|{formId}")))[..16];
        var idea = Assert.Single(await StoredAsync(team));
        Assert.True(idea.Anonymous);
        Assert.NotEqual(guessed, idea.IdeaId, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(formId, idea.IdeaId, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The form's send button as the bot built it, and how Teams sends it with what the person typed.</summary>
    private sealed record SendButton(PulseTeam Team, string OpenedFrom, JsonObject Data)
    {
        public JsonObject Press(string person, (string Id, string Value)[] typed)
        {
            var data = Data.DeepClone().AsObject();
            foreach (var (id, value) in typed) data[id] = value;
            var teams = Team.Teams;
            return OpenedFrom switch
            {
                "card" => teams.ChannelCardAction(IdeaVerbs.Submit, data, person),
                "dialog" => teams.ChannelInvoke("task/submit", new JsonObject { ["data"] = data }, person),
                _ => teams.ChannelInvoke("composeExtension/submitAction", new JsonObject { ["commandId"] = "createIdea", ["data"] = data }, person),
            };
        }
    }

    /// <summary>Opens the idea form as a person would: the "idé" command, the "Ny idé" button's dialog, or the messaging extension.</summary>
    private static async Task<SendButton> OpenFormAsync(PulseTeam team, string openedFrom, string person)
    {
        var teams = team.Teams;
        JsonNode card;
        if (openedFrom == "card")
        {
            await team.Bot.PostAsync(teams.ChannelMessage("idé", fromAadObjectId: person));
            card = team.Connector.SentTo(teams.GeneralChannelId).Last().Card!;
        }
        else
        {
            var open = openedFrom == "dialog"
                ? teams.ChannelInvoke("task/fetch", new JsonObject { ["data"] = new JsonObject { ["verb"] = IdeaVerbs.Open } }, person)
                : teams.ChannelInvoke("composeExtension/fetchTask", new JsonObject { ["commandId"] = "createIdea" }, person);
            card = (await InvokeAsync(team, open))["task"]!["value"]!["card"]!["content"]!;
        }
        var send = card["actions"]!.AsArray().Single()!;
        return new SendButton(team, openedFrom, send["data"]!.DeepClone().AsObject());
    }

    /// <summary>The fault card's "Prøv igjen": its verb, and its data with the words its inputs hold.</summary>
    private static (string Verb, JsonObject Data) FaultCardButton(JsonObject card)
    {
        var button = card["actions"]!.AsArray().Single()!;
        var data = button["data"]!.DeepClone().AsObject();
        foreach (var input in card["body"]!.AsArray().OfType<JsonObject>().Where(n => n["type"]?.GetValue<string>() == "Input.Text"))
        {
            data[input["id"]!.GetValue<string>()] = input["value"]!.DeepClone();
        }
        return (button["verb"]!.GetValue<string>(), data);
    }

    private static async Task<JsonObject> InvokeAsync(PulseTeam team, JsonObject activity)
    {
        var response = await team.Bot.PostAsync(activity);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<List<Idea>> StoredAsync(PulseTeam team) =>
        [.. await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId)];
}
