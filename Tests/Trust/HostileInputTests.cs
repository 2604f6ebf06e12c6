using System.Net;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Privacy;
using CareCompanion.Cards.Roles;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Support;
using Xunit.Abstractions;

namespace CareCompanion.Tests.Trust;

/// <summary>
/// Hostile and malformed requests against the HTTP endpoint: each gets a clear answer (an HTTP status, or a short
/// message in the user's language), nothing stored changes, and the bot keeps serving.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class HostileInputTests(BotFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> Cases => [.. HostileInputs.Names];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_input_gets_a_clear_answer_changes_nothing_and_the_bot_keeps_serving(string name)
    {
        var teams = fixture.Activities();
        await fixture.Bot.PostAsync(teams.InstallInTeam());
        await fixture.Bot.PostAsync(teams.InstallPersonal());
        var before = await SnapshotAsync(teams);

        var (response, expected) = await HostileInputs.SendAsync(name, fixture.Bot, teams);
        output.WriteLine($"{name}: {(int)response.StatusCode}");

        Assert.Contains(response.StatusCode, expected);
        Assert.Equal(before, await SnapshotAsync(teams));
        var help = await fixture.Bot.PostAsync(teams.PersonalMessage("hjelp"));
        Assert.Equal(HttpStatusCode.OK, help.StatusCode);
        Assert.Contains(fixture.Connector.SentTo(teams.PersonalConversationId), s => s.CardText.StartsWith("Hei, jeg er CareCompanion"));
    }

    /// <summary>What is stored for the tenant: conversations, roles, ideas, the team's pulse settings.</summary>
    private async Task<string> SnapshotAsync(TeamsActivities teams)
    {
        var conversations = await fixture.Bot.Get<ConversationRepository>().ListForTenantAsync(teams.TenantId);
        var roles = await fixture.Bot.Get<RoleRepository>().ListAsync(teams.TenantId, teams.TeamId);
        var ideas = await fixture.Bot.Get<IdeaRepository>().ListTenantAsync(teams.TenantId);
        var settings = await fixture.Bot.Get<Storage.Pulse.PulseRepository>().GetSettingsAsync(teams.TenantId, teams.TeamId);
        return string.Join("|", conversations.Select(c => $"{c.ConversationId}:{c.Active}").Order())
            + "|" + string.Join(",", roles.Select(r => r.AadObjectId + string.Join("+", r.Roles.Order())).Order())
            + "|" + ideas.Count + "|" + System.Text.Json.JsonSerializer.Serialize(settings);
    }
}

/// <summary>The table of hostile inputs, and what answer each must get.</summary>
public static class HostileInputs
{
    private static readonly HttpStatusCode[] Ok = [HttpStatusCode.OK];
    private static readonly HttpStatusCode[] BadRequest = [HttpStatusCode.BadRequest];

    /// <summary>A member of the team with no role.</summary>
    private static readonly string Staff = "staff-" + Guid.NewGuid().ToString("N")[..8];

    private static readonly Dictionary<string, Func<BotServer, TeamsActivities, Task<(HttpResponseMessage, HttpStatusCode[])>>> All = new()
    {
        ["invalid JSON"] = async (bot, _) => (await bot.PostRawAsync("{\"type\": \"message\", \"text\": "), BadRequest),
        ["empty body"] = async (bot, _) => (await bot.PostRawAsync(""), BadRequest),
        ["JSON array instead of an activity"] = async (bot, _) => (await bot.PostRawAsync("[1, 2, 3]"), BadRequest),
        ["JSON null"] = async (bot, _) => (await bot.PostRawAsync("null"), BadRequest),
        ["10 MB body"] = async (bot, teams) => (await bot.PostRawAsync(teams.PersonalMessage(new string('x', 10 * 1024 * 1024)).ToJsonString()), [HttpStatusCode.RequestEntityTooLarge]),
        ["not JSON content type"] = async (bot, teams) => (await bot.PostRawAsync(teams.PersonalMessage("hjelp").ToJsonString(), "text/plain"), [HttpStatusCode.UnsupportedMediaType, HttpStatusCode.BadRequest]),
        ["unknown activity type"] = async (bot, teams) => (await bot.PostAsync(With(teams.PersonalMessage("x"), "type", "teleport")), Ok),
        ["unknown invoke name"] = async (bot, teams) => (await bot.PostAsync(teams.ChannelInvoke("launch/missiles", [], teams.UserAadObjectId)), [HttpStatusCode.NotImplemented, HttpStatusCode.OK]),
        ["unknown card verb"] = async (bot, teams) => (await bot.PostAsync(teams.ChannelCardAction("admin.deleteEverything", [], teams.UserAadObjectId)), Ok),
        ["wrong value types in card data"] = async (bot, teams) => (await bot.PostAsync(teams.ChannelCardAction(PulseVerbs.Answer,
            new JsonObject { ["round"] = new JsonArray(1), ["team"] = new JsonObject { ["$ne"] = 1 }, ["value"] = "DROP TABLE" }, teams.UserAadObjectId)), Ok),
        ["card data that is not an object"] = async (bot, teams) => (await bot.PostAsync(With(teams.ChannelCardAction(IdeaVerbs.Submit, [], teams.UserAadObjectId),
            "value", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = IdeaVerbs.Submit, ["data"] = "just a string" } })), Ok),
        ["control characters"] = async (bot, teams) => (await bot.PostAsync(teams.PersonalMessage("hj\u0000elp\u0007\u001b[31m")), Ok),
        ["right-to-left and emoji"] = async (bot, teams) => (await bot.PostAsync(teams.PersonalMessage("\u202Eplehj مرحبا 👋🏽")), Ok),
        ["markdown and HTML injection"] = async (bot, teams) => (await bot.PostAsync(teams.PersonalMessage("[klikk](javascript:alert(1)) <script>alert(1)</script> **x**")), Ok),
        ["mention spoofing"] = async (bot, teams) => (await bot.PostAsync(With(teams.ChannelMessage("slett mine data"), "entities", new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>CareCompanion</at>", ["mentioned"] = new JsonObject { ["id"] = "29:not-the-bot", ["name"] = "CareCompanion" },
        }))), Ok),
        ["activity without a conversation"] = async (bot, teams) => (await bot.PostAsync(Without(teams.PersonalMessage("hjelp"), "conversation")), [HttpStatusCode.OK, HttpStatusCode.BadRequest]),
        ["activity without a sender"] = async (bot, teams) => (await bot.PostAsync(Without(teams.ChannelCardAction(IdeaVerbs.Submit, [], teams.UserAadObjectId), "from")), [HttpStatusCode.OK, HttpStatusCode.BadRequest]),
        ["another tenant's team in the card"] = async (bot, teams) => (await bot.PostAsync(new TeamsActivities(teams.ServiceUrl).ChannelCardAction(
            IdeaVerbs.Submit, new JsonObject { ["team"] = teams.TeamId, ["title"] = "Fra en annen tenant", ["category"] = "other" }, Guid.NewGuid().ToString())), Ok),
        ["oversized card input"] = async (bot, teams) => (await bot.PostAsync(teams.ChannelCardAction(IdeaVerbs.Submit,
            new JsonObject { ["team"] = teams.TeamId, ["title"] = new string('t', 100_000), ["category"] = "other" }, teams.UserAadObjectId)), Ok),
        // Roles: installing is not leading, and a card grants nothing.
        ["a staff member removes and re-adds the app"] = async (bot, teams) => (await bot.PostAsync(From(teams.InstallInTeam(), Staff)), Ok),
        ["a staff member's app upgrade announced as an install"] = async (bot, teams) =>
            (await bot.PostAsync(From(With(teams.InstallInTeam(), "action", "add-upgrade"), Staff)), Ok),
        ["a staff member adds the bot through conversationUpdate"] = async (bot, teams) =>
            (await bot.PostAsync(From(teams.InstallInTeam(type: "conversationUpdate"), Staff)), Ok),
        ["a staff member grants themself leader with a forged roles card"] = async (bot, teams) => (await bot.PostAsync(teams.ChannelCardAction(RoleVerbs.Set,
            new JsonObject { ["team"] = teams.TeamId, ["person"] = "29:" + Staff, ["role"] = "leader", ["change"] = "grant" }, Staff)), Ok),
        ["the same forged grant as an Action.Submit message"] = async (bot, teams) => (await bot.PostAsync(From(With(teams.ChannelMessage(""), "value",
            new JsonObject { ["verb"] = RoleVerbs.Set, ["team"] = teams.TeamId, ["person"] = "29:" + Staff, ["role"] = "leader", ["change"] = "grant" }), Staff)), Ok),
        ["a staff member saves the pulse settings"] = async (bot, teams) => (await bot.PostAsync(teams.ChannelCardAction(PulseVerbs.SaveSettings,
            new JsonObject { ["team"] = teams.TeamId, ["day"] = "Monday", ["time"] = "10:00", ["openDays"] = "7", ["minAnswers"] = "3", ["themes"] = "" }, Staff)), Ok),
        ["a leader's card for another team pressed in this channel"] = async (bot, teams) => (await bot.PostAsync(teams.ChannelCardAction(PulseVerbs.SaveSettings,
            new JsonObject { ["team"] = "19:another-team@thread.tacv2", ["day"] = "Monday", ["time"] = "10:00", ["openDays"] = "7", ["minAnswers"] = "3" }, teams.UserAadObjectId)), Ok),
        ["a staff member adds a team question"] = async (bot, teams) => (await bot.PostAsync(teams.ChannelCardAction(PulseVerbs.AddQuestion,
            new JsonObject { ["team"] = teams.TeamId, ["text"] = "Hvem er latest?", ["type"] = "text", ["theme"] = "reflection" }, Staff)), Ok),
        ["a staff member decides an idea from a personal chat"] = async (bot, teams) => (await bot.PostAsync(teams.PersonalCardAction(IdeaVerbs.Status,
            new JsonObject { ["team"] = teams.TeamId, ["idea"] = "x", ["status-x"] = "notpursued", ["reason-x"] = "Nei" }, Staff)), Ok),
        ["a staff member creates a goal"] = async (bot, teams) => (await bot.PostAsync(teams.ChannelCardAction(GoalVerbs.Create,
            new JsonObject { ["team"] = teams.TeamId, ["title"] = "Mitt mål", ["deadline"] = "2027-01-04", ["cadence"] = "weekly" }, Staff)), Ok),
        ["a staff member makes this channel the leaders' channel"] = async (bot, teams) => (await bot.PostAsync(teams.ChannelMessage("lederkanal", fromAadObjectId: Staff)), Ok),
        // Privacy: a delete confirmation acts only for whoever asked.
        ["someone else's delete confirmation"] = async (bot, teams) => (await bot.PostAsync(teams.PersonalCardAction(PrivacyVerbs.Delete,
            new JsonObject { ["for"] = Staff }, teams.UserAadObjectId)), Ok),
        ["a delete confirmation without whose it is"] = async (bot, teams) => (await bot.PostAsync(teams.PersonalCardAction(PrivacyVerbs.Delete, [], teams.UserAadObjectId)), Ok),
        // Surface: only Teams, only people Teams signed.
        ["an install from a channel other than Teams"] = async (bot, teams) => (await bot.PostAsync(With(teams.InstallInGroupChat(), "channelId", "webchat")), Ok),
        ["a pulse answer without an Entra object id"] = async (bot, teams) => (await bot.PostAsync(With(teams.ChannelCardAction(PulseVerbs.Answer,
            new JsonObject { ["round"] = "2026-W50", ["team"] = teams.TeamId, ["value"] = "1" }, Staff), "from", new JsonObject { ["id"] = "29:no-entra-id" })), Ok),
        ["a search asking for page a billion"] = async (bot, teams) => (await bot.PostAsync(teams.ChannelInvoke("composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchIdeas", ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchText", ["value"] = "x" }),
            ["queryOptions"] = new JsonObject { ["skip"] = 1_000_000_000, ["count"] = int.MaxValue },
        }, teams.UserAadObjectId)), Ok),
        ["a dialog submitting an idea to a team the person is not in"] = async (bot, teams) => (await bot.PostAsync(teams.PersonalInvoke("task/submit", new JsonObject
        {
            ["data"] = new JsonObject { ["verb"] = IdeaVerbs.Submit, ["team"] = "19:another-team@thread.tacv2", ["title"] = "Fra utsiden", ["category"] = "other" },
        }, Staff)), Ok),
    };

    private static JsonObject From(JsonObject activity, string aadObjectId) =>
        With(activity, "from", new JsonObject { ["id"] = "29:" + aadObjectId, ["name"] = "Ansatt", ["aadObjectId"] = aadObjectId });

    public static IEnumerable<string> Names => All.Keys;

    public static async Task<(HttpResponseMessage Response, HttpStatusCode[] Expected)> SendAsync(string name, BotServer bot, TeamsActivities teams) =>
        await All[name](bot, teams);

    private static JsonObject With(JsonObject activity, string key, JsonNode? value)
    {
        activity[key] = value;
        return activity;
    }

    private static JsonObject Without(JsonObject activity, string key)
    {
        activity.Remove(key);
        return activity;
    }
}
