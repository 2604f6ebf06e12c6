using System.Text.Json.Nodes;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage;
using CareCompanion.Storage.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Ideas;

/// <summary>Finding ideas: the messaging extension search, the lists, and ideas shared between teams. Never across tenants.</summary>
public sealed class IdeaFindingTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static JsonObject Query(string text) => new()
    {
        ["commandId"] = "searchIdeas",
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchText", ["value"] = text }),
        ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
    };

    private static async Task<List<string>> SearchAsync(PulseTeam team, JsonObject activity)
    {
        var response = await team.Bot.PostAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return [.. body["composeExtension"]!["attachments"]!.AsArray().Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>())];
    }

    [Fact]
    public async Task Search_matches_words_in_title_status_and_category_and_inserts_a_read_only_card()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var overlap = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Fast tid til overlapp", category: "workflow"));
        await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Sjekkliste for <fall>", category: "patientsafety"));
        await team.DecideAsync(overlap, team.Teams.UserAadObjectId, IdeaStatus.Implemented, "Virker");
        var person = Guid.NewGuid().ToString();

        var byWord = await SearchAsync(team, team.Teams.ChannelInvoke("composeExtension/query", Query("overlapp"), person));
        var byStatus = await SearchAsync(team, team.Teams.ChannelInvoke("composeExtension/query", Query("innført"), person));
        var byCategory = await SearchAsync(team, team.Teams.ChannelInvoke("composeExtension/query", Query("pasientsikkerhet"), person));
        var all = await SearchAsync(team, team.Teams.ChannelInvoke("composeExtension/query", Query(""), person));
        var card = JsonNode.Parse(await (await team.Bot.PostAsync(team.Teams.ChannelInvoke("composeExtension/query", Query("overlapp"), person))).Content.ReadAsStringAsync())!
            ["composeExtension"]!["attachments"]![0]!["content"]!;

        Assert.Equal(["Fast tid til overlapp"], byWord);
        Assert.Equal(["Fast tid til overlapp"], byStatus);
        Assert.Equal(["Sjekkliste for &lt;fall&gt;"], byCategory);
        Assert.Equal(2, all.Count);
        Assert.Contains("Status: Innført", CardContent.Text(card));
        Assert.Null(card["actions"]);
    }

    [Fact]
    public async Task An_idea_sent_or_answered_just_now_is_found_by_the_next_search()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var person = Guid.NewGuid().ToString();
        var before = await SearchAsync(team, team.Teams.ChannelInvoke("composeExtension/query", Query("sjekkliste"), person));

        var storage = team.Bot.Get<StorageOperations>();
        // A search with the team's ideas in memory still reads the practice cards shared with the team (a few small
        // partitions, so a municipality switching off sharing hides its cards at once): that is the floor.
        var warm = storage.Count;
        await SearchAsync(team, team.Teams.ChannelInvoke("composeExtension/query", Query("sjekkliste"), person));
        var practiceReads = storage.Count - warm;

        var idea = await team.SubmitIdeaAsync(person, team.Form(title: "Sjekkliste ved innkomst"));
        var beforeSearches = storage.Count;
        var afterSubmit = await SearchAsync(team, team.Teams.ChannelInvoke("composeExtension/query", Query("sjekkliste"), person));
        var submitSearchReads = storage.Count - beforeSearches;
        await team.DecideAsync(idea, team.Teams.UserAadObjectId, IdeaStatus.Implemented, "Brukes nå");
        beforeSearches = storage.Count;
        var afterDecision = await SearchAsync(team, team.Teams.ChannelInvoke("composeExtension/query", Query("sjekkliste innført"), person));

        Assert.Empty(before);
        Assert.Equal(["Sjekkliste ved innkomst"], afterSubmit);
        Assert.Equal(["Sjekkliste ved innkomst"], afterDecision);
        // Put into the team's list in memory as it was stored: a large team is not read again (seconds at 100,000 ideas).
        Assert.Equal((practiceReads, practiceReads), (submitSearchReads, storage.Count - beforeSearches));
    }

    [Fact]
    public async Task A_first_search_that_takes_too_long_says_to_try_again_and_the_next_one_finds_the_ideas()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var now = team.Clock.GetUtcNow();
        await team.Bot.Get<IdeaRepository>().AddManyAsync([.. Enumerable.Range(0, 3000).Select(i => new Idea
        {
            TenantId = team.Teams.TenantId, TeamId = team.Teams.TeamId, IdeaId = $"many{i:D5}", Title = $"Idé nummer {i}", Description = "", Category = "workflow",
            SubmitterAadObjectId = "someone", SubmitterName = "Ansatt", CreatedAt = now.AddMinutes(-i), StatusChangedAt = now.AddMinutes(-i),
        })]);
        await team.RestartAsync(); // nothing of the team in memory: the first search reads 3,000 ideas
        var person = Guid.NewGuid().ToString();

        // Teams gives up after 5 s; the clock runs on while the bot reads.
        var first = team.Bot.PostAsync(team.Teams.ChannelInvoke("composeExtension/query", Query("nummer 42"), person));
        while (!first.IsCompleted)
        {
            team.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
        var firstBody = JsonNode.Parse(await (await first).Content.ReadAsStringAsync())!["composeExtension"]!;
        await Task.Delay(3000); // the read goes on in the background
        var next = await SearchAsync(team, team.Teams.ChannelInvoke("composeExtension/query", Query("nummer 42"), person));

        Assert.Equal(("message", "Ideene hentes fram første gang. Prøv søket igjen om noen sekunder."),
            (firstBody["type"]!.GetValue<string>(), firstBody["text"]!.GetValue<string>()));
        Assert.Equal(["Idé nummer 42"], next.Take(1));
    }

    [Fact]
    public async Task Search_pages_newest_first()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        await team.Ideas().AddManyAsync([.. Enumerable.Range(0, 30).Select(i => new Idea
        {
            TenantId = team.Teams.TenantId, TeamId = team.Teams.TeamId, IdeaId = $"i{i:D2}", Title = $"Vaktbytte {i}", Category = "workflow",
            CreatedAt = IdeaSteps.Monday.AddHours(-i), StatusChangedAt = IdeaSteps.Monday.AddHours(-i),
        })]);
        JsonObject Page(int skip)
        {
            var query = Query("vaktbytte");
            query["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = 25 };
            return query;
        }

        var first = await SearchAsync(team, team.Teams.ChannelInvoke("composeExtension/query", Page(0), team.Teams.UserAadObjectId));
        var second = await SearchAsync(team, team.Teams.ChannelInvoke("composeExtension/query", Page(25), team.Teams.UserAadObjectId));

        Assert.Equal([.. Enumerable.Range(0, 25).Select(i => $"Vaktbytte {i}")], first);
        Assert.Equal([.. Enumerable.Range(25, 5).Select(i => $"Vaktbytte {i}")], second);
    }

    [Fact]
    public async Task Search_never_shows_ideas_of_a_team_the_person_is_not_in_nor_of_another_tenant()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Overlapp i tenant A"));
        var tenantB = new TeamsActivities(team.Connector.ServiceUrl);
        await team.Bot.PostAsync(tenantB.InstallInTeam());
        team.Connector.AddMember(tenantB.TeamId, tenantB.UserId);

        var fromTenantB = await SearchAsync(team, tenantB.ChannelInvoke("composeExtension/query", Query("overlapp"), tenantB.UserAadObjectId));
        var personalNotMember = await SearchAsync(team, team.Teams.PersonalInvoke("composeExtension/query", Query("overlapp"), team.Teams.UserAadObjectId));
        team.Connector.AddMember(team.Teams.TeamId, team.Teams.UserId, team.Teams.UserAadObjectId);
        var personalMember = await SearchAsync(team, team.Teams.PersonalInvoke("composeExtension/query", Query("overlapp"), team.Teams.UserAadObjectId));

        Assert.Empty(fromTenantB);
        Assert.Empty(personalNotMember);
        Assert.Equal(["Overlapp i tenant A"], personalMember);
    }

    [Fact]
    public async Task My_ideas_lists_what_I_sent_with_its_status_and_nothing_of_others()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var mine = await team.SubmitIdeaAsync(team.Teams.UserAadObjectId, team.Form(title: "Min idé", anonymous: true));
        await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Kollegas idé"));
        await team.DecideAsync(mine, team.Teams.UserAadObjectId, IdeaStatus.Considering, "Vi ser på det");

        await team.Bot.PostAsync(team.Teams.PersonalMessage("mine idéer"));

        var list = team.Connector.SentTo(team.Teams.PersonalConversationId)[^1].CardText;
        Assert.Contains("Ideene dine", list);
        Assert.Contains("Min idé", list);
        Assert.Contains("Status: Vurderes", list);
        Assert.Contains("Vi ser på det", list);
        Assert.DoesNotContain("Kollegas idé", list);
    }

    [Fact]
    public async Task Ideas_for_a_leader_lists_open_ideas_oldest_unanswered_first_and_flags_those_waiting_over_14_days()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Gammel idé"));
        team.Clock.SetUtcNow(IdeaSteps.Monday.AddDays(10));
        var answered = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Besvart idé"));
        await team.DecideAsync(answered, team.Teams.UserAadObjectId, IdeaStatus.Considering, "Ser på det");
        await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Ny idé"));
        var closed = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Lukket idé"));
        await team.DecideAsync(closed, team.Teams.UserAadObjectId, IdeaStatus.NotPursued, "Nei, fordi");
        team.Clock.SetUtcNow(IdeaSteps.Monday.AddDays(20));

        await team.Bot.PostAsync(team.Teams.ChannelMessage("idéer"));
        await team.Bot.PostAsync(team.Teams.ChannelMessage("idéer", fromAadObjectId: Guid.NewGuid().ToString()));

        var sent = team.Connector.SentTo(team.Teams.GeneralChannelId);
        var list = sent[^2].CardText;
        Assert.True(list.IndexOf("Gammel idé") < list.IndexOf("Ny idé") && list.IndexOf("Ny idé") < list.IndexOf("Besvart idé"), list);
        Assert.Contains("Har ventet på svar i 20 dager", list);
        Assert.DoesNotContain("ventet på svar i 10 dager", list);
        Assert.DoesNotContain("Lukket idé", list);
        Assert.Contains("Denne listen er for ledere.", sent[^1].Text);
    }

    [Fact]
    public async Task An_implemented_idea_a_leader_shares_is_listed_for_the_tenants_other_teams_only()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var idea = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Sjekkliste ved innkomst"));
        var notYet = await team.ActAsync(IdeaVerbs.Share, idea, team.Teams.UserAadObjectId);
        await team.DecideAsync(idea, team.Teams.UserAadObjectId, IdeaStatus.Implemented, "Brukes på alle vakter");
        var shared = await team.ActAsync(IdeaVerbs.Share, idea, team.Teams.UserAadObjectId);
        var otherTenant = new TeamsActivities(team.Connector.ServiceUrl);

        var inTenant = team.Teams.ChannelMessage("delte idéer");
        inTenant["from"] = new JsonObject { ["id"] = "29:x", ["name"] = "Per", ["aadObjectId"] = Guid.NewGuid().ToString() };
        await team.Bot.PostAsync(inTenant);
        await team.Bot.PostAsync(otherTenant.PersonalMessage("shared ideas", "en-US"));

        Assert.Contains("Bare innførte ideer kan deles med andre team.", notYet);
        Assert.Contains("Delt. Andre team ser den under **delte ideer**.", shared);
        Assert.Contains("Sjekkliste ved innkomst", team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].CardText);
        var foreign = team.Connector.SentTo(otherTenant.PersonalConversationId)[^1].CardText;
        Assert.Contains("No team has shared implemented ideas yet.", foreign);
    }
}
