using System.Text.Json.Nodes;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Privacy;
using CareCompanion.Storage.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Ideas;

/// <summary>What ideas hold about a person is in their export, goes when they ask, and goes by itself after the retention period.</summary>
public sealed class IdeaPrivacyTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task My_data_lists_my_ideas_comments_and_support_and_delete_forgets_me_but_keeps_the_idea()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        await team.Bot.PostAsync(team.Teams.InstallPersonal());
        var me = team.Teams.UserAadObjectId;
        var colleague = Guid.NewGuid().ToString();
        var mine = await team.SubmitIdeaAsync(me, team.Form(title: "Min idé om vaktbytte"));
        var theirs = await team.SubmitIdeaAsync(colleague, team.Form(title: "Kollegas idé"));
        await team.ActAsync(IdeaVerbs.Support, theirs, me);
        await team.ActAsync(IdeaVerbs.Support, theirs, colleague);
        await team.ActAsync(IdeaVerbs.Comment, theirs, me, new() { ["comment"] = "Min kommentar" });
        await team.ActAsync(IdeaVerbs.Comment, theirs, colleague, new() { ["comment"] = "Kollegas kommentar" });

        await team.Bot.PostAsync(team.Teams.PersonalMessage("mine data"));
        var export = team.Connector.SentTo(team.Teams.PersonalConversationId)[^1].CardText;
        var reply = await team.SendAsync(team.Teams.PersonalCardAction(PrivacyVerbs.Delete, new JsonObject { ["for"] = me }, me));

        Assert.Contains("Min idé om vaktbytte", export);
        Assert.Contains("Min kommentar", export);
        Assert.DoesNotContain("Kollegas kommentar", export);
        Assert.Contains("navnet ditt er fjernet fra 2 ideer. Ideene blir stående.", reply);
        var myIdea = (await team.ReloadAsync(mine))!;
        Assert.Equal(("Min idé om vaktbytte", null, null, true), (myIdea.Title, myIdea.SubmitterAadObjectId, myIdea.SubmitterName, myIdea.Anonymous));
        var their = (await team.ReloadAsync(theirs))!;
        Assert.Equal([colleague], their.Supporters);
        Assert.Equal("Kollegas kommentar", Assert.Single(their.Comments).Text);
        Assert.Equal(colleague, their.SubmitterAadObjectId);
    }

    [Fact]
    public async Task A_closed_idea_loses_who_was_behind_it_after_the_retention_period_an_open_one_does_not()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var closed = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Lukket"));
        var open = await team.SubmitIdeaAsync(Guid.NewGuid().ToString(), team.Form(title: "Åpen"));
        await team.ActAsync(IdeaVerbs.Comment, closed, Guid.NewGuid().ToString(), new() { ["comment"] = "Navn og mening" });
        await team.DecideAsync(closed, team.Teams.UserAadObjectId, IdeaStatus.NotPursued, "Ikke nå, fordi turnusen er full.");

        await team.RunAtAsync(IdeaSteps.Monday.AddMonths(23));
        var before = (await team.ReloadAsync(closed))!;
        await team.RunAtAsync(IdeaSteps.Monday.AddMonths(24).AddDays(2));

        Assert.NotNull(before.SubmitterAadObjectId);
        var after = (await team.ReloadAsync(closed))!;
        Assert.Equal(("Lukket", IdeaStatus.NotPursued, null, 0), (after.Title, after.Status, after.SubmitterAadObjectId, after.Comments.Count));
        Assert.Equal(("Ikke nå, fordi turnusen er full.", ""), (after.History[0].Reason, after.History[0].ByAadObjectId));
        Assert.NotNull((await team.ReloadAsync(open))!.SubmitterAadObjectId);
    }
}
