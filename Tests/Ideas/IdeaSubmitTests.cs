using System.Text.Json.Nodes;
using CareCompanion.Cards.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Ideas;

/// <summary>Staff hand in an idea in seconds: from the command's card, a dialog, or the messaging extension.</summary>
public sealed class IdeaSubmitTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_idea_sent_from_the_channel_card_is_stored_confirmed_and_posted_for_colleagues()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var nurse = Guid.NewGuid().ToString();

        var reply = await team.SubmitAsync(nurse, team.Form(title: "Fast tid til *overlapp*", description: "[klikk](http://evil) <b>her</b>"));
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(1));

        Assert.Contains("Takk! Ideen er sendt til Sjukeheimen avd. 2.", reply);
        var idea = Assert.Single(await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
        Assert.Equal(("Fast tid til *overlapp*", "workflow", "new", nurse), (idea.Title, idea.Category, idea.Status, idea.SubmitterAadObjectId));
        var posted = Assert.Single(team.IdeaCardsInChannel());
        Assert.Contains("Fast tid til *overlapp*", posted.CardText); // as written: in a TextRun, never markdown
        Assert.Contains("[klikk](http://evil) <b>her</b>", posted.CardText);
        Assert.Contains("Fra Ansatt", posted.CardText);
        Assert.Contains("Støtt / trekk støtten", posted.CardText);
    }

    [Fact]
    public async Task Invisible_bidi_characters_are_taken_out_of_a_title_before_it_is_stored_and_shown()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);

        await team.SubmitAsync(Guid.NewGuid().ToString(), team.Form(title: "Fast tid \u202Etil\u2066 overlapp\u200F 👩\u200D⚕️"));
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(1));

        var idea = Assert.Single(await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
        Assert.Equal("Fast tid til overlapp 👩\u200D⚕️", idea.Title);
        Assert.Contains("Fast tid til overlapp 👩\u200D⚕️", Assert.Single(team.IdeaCardsInChannel()).CardText);
    }

    [Fact]
    public async Task The_same_submit_delivered_twice_stores_one_idea_and_posts_it_once()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var activity = team.Teams.ChannelCardAction(IdeaVerbs.Submit, team.Form(), Guid.NewGuid().ToString());

        var first = await team.SendAsync(activity);
        var second = await team.SendAsync(activity);
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(1));

        Assert.Equal(first, second);
        Assert.Single(await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
        Assert.Single(team.IdeaCardsInChannel());
    }

    [Theory]
    [InlineData("", "", "workflow", "nb-NO", "Skriv en kort tittel (høyst 120 tegn).")]
    [InlineData("  \n ", "", "workflow", "nb-NO", "Skriv en kort tittel")]
    [InlineData("x121", "", "workflow", "nb-NO", "Skriv en kort tittel")]
    [InlineData("Ok", "d2001", "workflow", "nb-NO", "Beskrivelsen kan være høyst 2000 tegn.")]
    [InlineData("Ok", "", "hemmelig", "nb-NO", "Velg en kategori fra listen.")]
    [InlineData("Ok", "", "workflow", "nn-NO", "Skildringa kan vere høgst 2000 teikn.")]
    [InlineData("", "", "workflow", "en-US", "Write a short title (at most 120 characters).")]
    public async Task A_bad_field_is_explained_in_the_users_language_keeps_what_they_wrote_and_stores_nothing(
        string title, string description, string category, string locale, string expected)
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        title = title == "x121" ? new string('x', 121) : title;
        description = description == "d2001" || locale == "nn-NO" ? new string('d', 2001) : description;
        var form = team.Form(title, description, category);
        form["description"] = description + " min tekst";

        var response = await team.Bot.PostAsync(team.Teams.ChannelCardAction(IdeaVerbs.Submit, form, Guid.NewGuid().ToString(), locale));
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Contains(expected, CardContent.Text(reply));
        Assert.Empty(await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
        var kept = reply["value"]!["body"]!.AsArray().First(b => b?["id"]?.GetValue<string>() == "description")!["value"]!.GetValue<string>();
        Assert.EndsWith("min tekst", kept); // the form comes back with the person's own words
    }

    [Fact]
    public async Task An_idea_for_another_team_than_the_channel_or_with_wrong_value_types_is_refused()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var forged = team.Form(teamId: "19:someone-elses-team@thread.tacv2");
        var wrongTypes = team.Form();
        wrongTypes["title"] = new JsonObject { ["x"] = 1 };
        wrongTypes["category"] = new JsonArray(1, 2);

        var toOtherTeam = await team.SubmitAsync(Guid.NewGuid().ToString(), forged);
        var broken = await team.SubmitAsync(Guid.NewGuid().ToString(), wrongTypes);

        Assert.Contains("Velg et team du er med i.", toOtherTeam);
        Assert.Contains("Skriv en kort tittel", broken);
        Assert.Empty(await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
    }

    [Fact]
    public async Task An_anonymous_idea_shows_no_name_to_anyone()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);

        var idea = await team.SubmitIdeaAsync(team.Teams.UserAadObjectId, team.Form(anonymous: true));
        await team.RunAtAsync(IdeaSteps.Monday.AddMinutes(1));

        Assert.True(idea.Anonymous);
        Assert.Null(idea.SubmitterName);
        var posted = Assert.Single(team.IdeaCardsInChannel());
        Assert.Contains("Fra Anonym", posted.CardText);
        Assert.DoesNotContain("Kari", posted.Activity.ToJsonString());
        Assert.DoesNotContain(team.Teams.UserAadObjectId, posted.Activity.ToJsonString());
    }

    [Fact]
    public async Task The_idea_command_in_a_personal_chat_offers_only_teams_the_roster_lists_the_person_in()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var otherTeam = new TeamsActivities(team.Connector.ServiceUrl) { UserAadObjectId = team.Teams.UserAadObjectId };
        await team.Bot.PostAsync(otherTeam.InstallInTeam());
        team.Connector.AddMember(team.Teams.TeamId, team.Teams.UserId, team.Teams.UserAadObjectId);

        await team.Bot.PostAsync(team.Teams.PersonalMessage("idé"));
        var form = Assert.Single(team.Connector.SentTo(team.Teams.PersonalConversationId), s => s.CardText.Contains("Ny forbedringsidé"));

        Assert.Contains("Sendes til Sjukeheimen avd. 2.", form.CardText);
        Assert.Contains("Ikke skriv pasientopplysninger", form.CardText);
        Assert.DoesNotContain(otherTeam.TeamId, form.Activity.ToJsonString()); // another tenant's team, not the person's
    }

    [Fact]
    public async Task A_submit_from_a_personal_chat_to_a_team_the_person_is_not_in_is_refused()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);

        var reply = await team.SendAsync(team.Teams.PersonalCardAction(IdeaVerbs.Submit, team.Form(), team.Teams.UserAadObjectId));

        Assert.Contains("Du er ikke med i noe team som har CareCompanion", reply);
        Assert.Empty(await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
    }

    [Fact]
    public async Task The_new_idea_button_opens_the_form_in_a_dialog_and_the_dialog_submit_stores_the_idea()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var person = Guid.NewGuid().ToString();

        var dialog = await team.Bot.PostAsync(team.Teams.ChannelInvoke("task/fetch",
            new JsonObject { ["data"] = new JsonObject { ["verb"] = IdeaVerbs.Open } }, person));
        var body = JsonNode.Parse(await dialog.Content.ReadAsStringAsync())!;
        var submitted = await team.Bot.PostAsync(team.Teams.ChannelInvoke("task/submit", new JsonObject { ["data"] = team.Form(title: "Fra dialogen") }, person));

        Assert.Equal("continue", body["task"]!["type"]!.GetValue<string>());
        Assert.Contains("Ny forbedringsidé", CardContent.Text(body["task"]!["value"]!["card"]!["content"]!));
        Assert.Contains("Takk! Ideen er sendt", await submitted.Content.ReadAsStringAsync());
        Assert.Equal("Fra dialogen", Assert.Single(await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId)).Title);
    }

    [Fact]
    public async Task Create_idea_from_message_prefills_the_message_text_and_submits_through_the_extension()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var person = Guid.NewGuid().ToString();
        var fetch = new JsonObject
        {
            ["commandId"] = "createIdeaFromMessage", ["commandContext"] = "message",
            ["messagePayload"] = new JsonObject { ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "<p>Vi mangler &quot;sjekkliste&quot; for innkomst</p>" } },
        };

        var dialog = JsonNode.Parse(await (await team.Bot.PostAsync(team.Teams.ChannelInvoke("composeExtension/fetchTask", fetch, person))).Content.ReadAsStringAsync())!;
        var submit = new JsonObject { ["commandId"] = "createIdeaFromMessage", ["commandContext"] = "message", ["data"] = team.Form(title: "Sjekkliste") };
        var answer = await (await team.Bot.PostAsync(team.Teams.ChannelInvoke("composeExtension/submitAction", submit, person))).Content.ReadAsStringAsync();

        var description = dialog["task"]!["value"]!["card"]!["content"]!["body"]!.AsArray().First(b => b?["id"]?.GetValue<string>() == "description")!;
        Assert.Equal("Vi mangler \"sjekkliste\" for innkomst", description["value"]!.GetValue<string>());
        Assert.Contains("Takk! Ideen er sendt", answer);
        Assert.Equal("Sjekkliste", Assert.Single(await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId)).Title);
    }

    [Fact]
    public async Task The_new_idea_button_on_the_pulse_card_starts_from_my_own_reflection_and_nobody_elses()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday.AddDays(-5));
        var round = await team.OpenRoundAsync(IdeaSteps.Monday);
        var (me, colleague) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await team.AnswerAsync(round, me, 2, "Overlappen er for kort til å snakke om beboerne.");
        var button = new JsonObject { ["data"] = new JsonObject { ["verb"] = IdeaVerbs.Open, ["round"] = round.RoundId, ["team"] = team.Teams.TeamId } };

        var mine = JsonNode.Parse(await (await team.Bot.PostAsync(team.Teams.ChannelInvoke("task/fetch", button, me))).Content.ReadAsStringAsync())!;
        var theirs = JsonNode.Parse(await (await team.Bot.PostAsync(team.Teams.ChannelInvoke("task/fetch", (JsonObject)button.DeepClone(), colleague))).Content.ReadAsStringAsync())!;

        static JsonNode? Description(JsonNode dialog) =>
            dialog["task"]!["value"]!["card"]!["content"]!["body"]!.AsArray().First(b => b?["id"]?.GetValue<string>() == "description")!["value"];
        Assert.Equal("Overlappen er for kort til å snakke om beboerne.", Description(mine)!.GetValue<string>());
        Assert.Null(Description(theirs));
        Assert.Contains(team.ChannelCards()[0].Card!["actions"]!.AsArray(), a => a!["data"]!["msteams"]!["type"]!.GetValue<string>() == "task/fetch");
    }
}
