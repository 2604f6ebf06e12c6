using System.Text.Json.Nodes;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Goals;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Trust;

/// <summary>
/// Two tenants in one storage, and the same person (the same Entra object id) in both: nothing of tenant A is read or
/// changed from tenant B — pulse results, ideas (search, lists), digests, goals.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class TenantIsolationTests(BotFixture fixture)
{
    private async Task<(TeamsActivities A, TeamsActivities B, Goal Goal)> TwoTenantsAsync()
    {
        var a = fixture.Activities();
        var b = new TeamsActivities(fixture.Connector.ServiceUrl) { UserAadObjectId = a.UserAadObjectId };
        foreach (var t in new[] { a, b })
        {
            await fixture.Bot.PostAsync(t.InstallInTeam());   // the same person leads a team in each tenant
            await fixture.Bot.PostAsync(t.InstallPersonal());
            fixture.Connector.AddMember(t.TeamId, t.UserId, t.UserAadObjectId);
        }
        await fixture.Bot.PostAsync(a.ChannelCardAction(IdeaVerbs.Submit,
            new JsonObject { ["team"] = a.TeamId, ["title"] = "Hemmelig idé i tenant A", ["category"] = "other" }, a.UserAadObjectId));
        await fixture.Bot.PostAsync(a.ChannelCardAction(GoalVerbs.Create, new JsonObject
        {
            ["team"] = a.TeamId, ["title"] = "Hemmelig mål i tenant A", ["start"] = "2026-11-01", ["deadline"] = "2027-06-01", ["cadence"] = "none",
        }, a.UserAadObjectId));
        var goal = Assert.Single(await fixture.Bot.Get<GoalRepository>().ListTeamAsync(a.TenantId, a.TeamId));
        return (a, b, goal);
    }

    private string LastCardIn(string conversationId) => fixture.Connector.SentTo(conversationId)[^1].CardText;

    [Theory]
    [InlineData("sammendrag")]
    [InlineData("mine idéer")]
    [InlineData("idéer")]
    [InlineData("mål")]
    [InlineData("mine data")]
    [InlineData("resultater")]
    public async Task Nothing_of_tenant_A_shows_in_tenant_B_for_the_same_person(string command)
    {
        var (a, b, _) = await TwoTenantsAsync();

        await fixture.Bot.PostAsync(command == "resultater" ? b.ChannelMessage(command) : b.PersonalMessage(command));
        await fixture.Bot.PostAsync(command == "resultater" ? a.ChannelMessage(command) : a.PersonalMessage(command));

        var inB = string.Join("\n", fixture.Connector.SentTo(command == "resultater" ? b.GeneralChannelId : b.PersonalConversationId).Select(s => s.CardText + s.Text));
        Assert.DoesNotContain("tenant A", inB);
        Assert.DoesNotContain(a.TenantId, inB);
        Assert.DoesNotContain(a.TeamId, inB);
        if (command is "mine idéer" or "idéer" or "sammendrag") Assert.Contains("Hemmelig idé i tenant A", LastCardIn(a.PersonalConversationId));
    }

    [Fact]
    public async Task Tenant_B_cannot_check_in_close_or_answer_in_tenant_A_with_its_ids()
    {
        var (a, b, goal) = await TwoTenantsAsync();
        var idea = Assert.Single(await fixture.Bot.Get<Storage.Ideas.IdeaRepository>().ListTeamAsync(a.TenantId, a.TeamId));
        var target = new JsonObject { ["goal"] = goal.GoalId, ["team"] = a.TeamId, ["status"] = "done", ["reason"] = "x",
            ["idea"] = idea.IdeaId, [IdeaVerbs.StatusInput(idea.IdeaId)] = "implemented", [IdeaVerbs.ReasonInput(idea.IdeaId)] = "x" };

        foreach (var verb in new[] { GoalVerbs.CheckIn, GoalVerbs.Close, IdeaVerbs.Status, IdeaVerbs.Support })
        {
            await fixture.Bot.PostAsync(b.PersonalCardAction(verb, (JsonObject)target.DeepClone(), b.UserAadObjectId));
        }

        var stored = (await fixture.Bot.Get<GoalRepository>().GetAsync(a.TenantId, a.TeamId, goal.GoalId))!;
        Assert.Equal((false, 0), (stored.Closed, stored.CheckIns.Count));
        var ideaNow = (await fixture.Bot.Get<Storage.Ideas.IdeaRepository>().GetAsync(a.TenantId, a.TeamId, idea.IdeaId))!;
        Assert.Equal(("new", 0), (ideaNow.Status, ideaNow.Supporters.Count));
    }
}
