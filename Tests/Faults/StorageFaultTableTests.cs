using System.Text.Json.Nodes;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Languages;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Networks;
using CareCompanion.Cards.Privacy;
using CareCompanion.Cards.Pulse;
using CareCompanion.Cards.Roles;
using CareCompanion.Bot.Roles;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Networks;
using Microsoft.Extensions.Options;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;
using Xunit.Abstractions;

namespace CareCompanion.Tests.Faults;

/// <summary>
/// The fault table: storage goes away after start-up, and every route in the bot's route table is used. A form comes
/// back with what the person typed and "it was not saved"; a button without input gets an error response; the rest a
/// short message; all within Teams' time limits. Storage comes back, and the same route works without a restart. The
/// routes come from the route table, so a new card button or form without a case here fails this test.
/// </summary>
public sealed class StorageFaultTableTests(ITestOutputHelper output)
{
    private static readonly Texts T = Texts.For(Language.Bokmal);

    private enum Expect { Form, Error }

    /// <summary>A card button or form: what the card sends, the words the person typed in it, and the fault answer expected.</summary>
    private sealed record InputCase(JsonObject Data, IReadOnlyList<string> Words, Expect Expect);

    [Fact]
    public async Task Every_route_answers_a_storage_fault_in_kind_with_the_words_kept_and_works_once_storage_is_back()
    {
        await using var azurite = await AzuriteServer.WithOutagesAsync();
        await using var team = await PulseTeam.InstallAsync(azurite, IdeaSteps.Monday);
        var leader = team.Teams.UserAadObjectId;
        var staff = Guid.NewGuid().ToString();
        var idea = await team.SubmitIdeaAsync(staff);
        await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, new JsonObject
        {
            ["team"] = team.Teams.TeamId, ["title"] = "Alle nyansatte får fadder", ["deadline"] = "2027-01-04", ["cadence"] = "weekly",
        }, leader));
        var goal = Assert.Single(await team.Bot.Get<GoalRepository>().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
        // The leader is also the municipality's admin and network coordinator, so the network routes get past the gate.
        team.Bot.Get<IOptions<RoleOptions>>().Value.TenantAdmins = [leader];
        await team.Bot.Get<NetworkRepository>().SaveSettingsAsync(TenantNetworkSettings.Default(team.Teams.TenantId) with { Coordinators = [leader] });
        // Uninstalling last: the other routes need the team.
        var routes = team.Bot.Get<Dispatcher>().All.OrderBy(r => r.Kind == RouteKind.Event && r.Key == Events.Removed).ToList();

        var slowest = TimeSpan.Zero;
        foreach (var route in routes)
        {
            var name = $"{route.Kind} '{route.Key}'";
            azurite.GoDown();
            var during = await AnswerAsync(team, route, leader, idea.IdeaId, goal.GoalId);
            azurite.ComeBack();
            var after = await AnswerAsync(team, route, leader, idea.IdeaId, goal.GoalId);
            output.WriteLine($"{name}: {during.Answer.Shape} in {during.Answer.Took.TotalMilliseconds:0} ms, then {after.Answer.Shape} in {after.Answer.Took.TotalMilliseconds:0} ms");

            Assert.True(during.Answer.HttpStatus == 200, $"{name} answered HTTP {during.Answer.HttpStatus} during the outage.");
            Assert.True(during.Answer.Took < (route.Kind == RouteKind.ExtensionQuery ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(15)),
                $"{name} took {during.Answer.Took} during the outage.");
            Assert.DoesNotContain(T["error.generic"], during.Answer.Text);
            slowest = during.Answer.Took > slowest ? during.Answer.Took : slowest;
            switch (during.Case?.Expect)
            {
                case Expect.Form:
                    Assert.Equal("card", during.Answer.Shape);
                    Assert.Contains(T["fault.notSaved"], during.Answer.Text);
                    foreach (var word in during.Case.Words) Assert.Contains(word, during.Answer.Text);
                    break;
                case Expect.Error:
                    Assert.Equal(("error", T["fault.unavailable"]), (during.Answer.Shape, during.Answer.Text));
                    break;
                default:
                    // Commands, searches, dialogs opening, events: a short message, or their own answer when they need no storage.
                    Assert.True(during.Answer.Shape is "message" or "none" or "card", $"{name}: {during.Answer.Shape}");
                    // In the person's language: the language commands before this one may have changed it.
                    var unavailable = Enum.GetValues<Language>().Select(l => Texts.For(l)["fault.unavailable"]);
                    Assert.True(unavailable.Contains(during.Answer.Text) || during.Answer.Text == after.Answer.Text || route.Kind == RouteKind.Event,
                        $"{name} answered '{during.Answer.Text}' during the outage, '{after.Answer.Text}' after it.");
                    break;
            }

            Assert.True(after.Answer.HttpStatus == 200, $"{name} answered HTTP {after.Answer.HttpStatus} once storage was back.");
            Assert.DoesNotContain(T["fault.notSaved"], after.Answer.Text);
            Assert.DoesNotContain(T["fault.unavailable"], after.Answer.Text);
            Assert.NotEqual("error", after.Answer.Shape);
        }
        output.WriteLine($"Slowest fault answer: {slowest.TotalMilliseconds:0} ms");
    }

    private static async Task<(FaultAnswer Answer, InputCase? Case)> AnswerAsync(PulseTeam team, BotRoute route, string leader, string ideaId, string goalId)
    {
        var teams = team.Teams;
        switch (route.Kind)
        {
            case RouteKind.Command:
                var word = CommandWords.Of(T, route.Key)[0];
                return (await FaultAnswer.OfMessageAsync(team.Bot, team.Connector, teams.GeneralChannelId, teams.ChannelMessage(word, fromAadObjectId: leader)), null);
            case RouteKind.Event:
                var install = route.Key switch
                {
                    Events.Installed => teams.InstallInTeam(),
                    Events.ChannelDeleted => teams.ChannelDeleted("19:deleted-channel@thread.tacv2"),
                    _ => teams.UninstallFromTeam(),
                };
                return (await FaultAnswer.OfMessageAsync(team.Bot, team.Connector, teams.GeneralChannelId, install), null);
            case RouteKind.DialogOpen:
                return (await FaultAnswer.OfInvokeAsync(team.Bot, teams.ChannelInvoke("task/fetch",
                    new JsonObject { ["data"] = new JsonObject { ["verb"] = route.Key, ["team"] = teams.TeamId } }, leader)), null);
            case RouteKind.ExtensionOpen:
                return (await FaultAnswer.OfInvokeAsync(team.Bot, teams.ChannelInvoke("composeExtension/fetchTask",
                    new JsonObject { ["commandId"] = route.Key }, leader)), null);
            case RouteKind.ExtensionQuery:
                return (await FaultAnswer.OfInvokeAsync(team.Bot, teams.ChannelInvoke("composeExtension/query", new JsonObject
                {
                    ["commandId"] = route.Key, ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchText", ["value"] = "overlapp" }),
                }, leader)), null);
        }

        var input = Input(route, team, ideaId, goalId)
            ?? throw new Xunit.Sdk.XunitException($"The {route.Kind} route '{route.Key}' has no fault case here: add one, with the words a person types in it.");
        var activity = route.Kind switch
        {
            RouteKind.Action => teams.ChannelCardAction(route.Key, input.Data.DeepClone().AsObject(), leader),
            RouteKind.DialogSubmit => teams.ChannelInvoke("task/submit", new JsonObject { ["data"] = input.Data.DeepClone() }, leader),
            RouteKind.ExtensionSubmit => teams.ChannelInvoke("composeExtension/submitAction",
                new JsonObject { ["commandId"] = route.Key, ["data"] = input.Data.DeepClone() }, leader),
            _ => throw new Xunit.Sdk.XunitException($"No fault case for {route.Kind} routes: add one."),
        };
        return (await FaultAnswer.OfInvokeAsync(team.Bot, activity), input);
    }

    /// <summary>What each card button or form sends, with the words typed in it (unique, so the test sees them come back).</summary>
    private static InputCase? Input(BotRoute route, PulseTeam team, string ideaId, string goalId)
    {
        var teamId = team.Teams.TeamId;
        string Typed(string field) => $"{field} skrevet på pausen {Guid.NewGuid().ToString("N")[..6]} æøå";
        InputCase Form(JsonObject data, params string[] typed)
        {
            var words = typed.Select(field => data[field] = Typed(field)).Select(w => w.GetValue<string>()).ToList();
            return new InputCase(data, words, Expect.Form);
        }
        InputCase Button(JsonObject data) => new(data, [], Expect.Error);

        return (route.Kind, route.Key) switch
        {
            (RouteKind.Action or RouteKind.DialogSubmit, IdeaVerbs.Submit) or (RouteKind.ExtensionSubmit, _) => Form(team.Form(), "title", "description"),
            (_, IdeaVerbs.Comment) => Form(new() { ["team"] = teamId, ["idea"] = ideaId }, IdeaCommentPayload.CommentInput),
            (_, IdeaVerbs.Status or DigestVerbs.Decide) =>
                Form(new() { ["team"] = teamId, ["idea"] = ideaId, [IdeaVerbs.StatusInput(ideaId)] = "planned" }, IdeaVerbs.ReasonInput(ideaId)),
            (_, IdeaVerbs.Support or IdeaVerbs.Share) => Button(new() { ["team"] = teamId, ["idea"] = ideaId }),
            (_, IdeaVerbs.FollowUp) => Button(new() { ["team"] = teamId, ["idea"] = ideaId, ["answer"] = "yes" }),
            (_, GoalVerbs.Create) => Form(new() { ["team"] = teamId, ["deadline"] = "2027-01-04", ["cadence"] = "weekly" }, "title", "success", "owners"),
            (_, GoalVerbs.CheckIn) => Form(new() { ["team"] = teamId, ["goal"] = goalId, ["status"] = "ontrack" }, "note"),
            (_, GoalVerbs.Close or GoalVerbs.Redate) => Form(new() { ["team"] = teamId, ["goal"] = goalId, ["newDeadline"] = "2027-06-01" }, "reason"),
            (_, PulseVerbs.Answer) => Form(new() { ["team"] = teamId, ["round"] = "no-round-open", ["value"] = "4" }, PulseAnswerPayload.CommentInput),
            (_, PulseVerbs.SaveSettings) => Form(new() { ["team"] = teamId, ["day"] = "Monday", ["time"] = "09:00", ["openDays"] = "3", ["minAnswers"] = "3", ["themes"] = "" }),
            (_, PulseVerbs.AskNow) => Button(new() { ["team"] = teamId }),
            (_, MeetingVerbs.FollowUp) => Form(new() { ["team"] = teamId, ["meeting"] = "none" }, "summary", "actions"),
            (_, MeetingVerbs.ToGoal) => Form(new() { ["team"] = teamId, ["meeting"] = "none", ["action"] = "1", ["deadline-1"] = "2027-02-01" }, "owners-1"),
            (_, MeetingVerbs.ToIdea or MeetingVerbs.Done) => Button(new() { ["team"] = teamId, ["meeting"] = "none", ["action"] = "1" }),
            (_, PulseVerbs.AddQuestion) => Form(new() { ["team"] = teamId, ["type"] = "scaleWithComment", ["theme"] = "reflection" }, "text", "low", "high"),
            (_, RoleVerbs.Set) => Form(new() { ["team"] = teamId, ["person"] = "29:" + Guid.NewGuid(), ["role"] = "coach", ["change"] = "grant" }),
            (_, DigestVerbs.AskTeam) => Button(new() { ["team"] = teamId, ["goal"] = goalId }),
            (_, DigestVerbs.Cadence) => Button(new() { ["cadence"] = "weekly" }),
            (_, LanguageVerbs.SetTeam) => Button(new() { ["team"] = teamId, ["code"] = "nn" }),
            (_, PrivacyVerbs.Delete) => Button(new JsonObject { ["for"] = team.Teams.UserAadObjectId }),
            (_, HmsVerbs.Create or HmsVerbs.Confirm or HmsVerbs.Results) => Button(new() { ["team"] = teamId }),
            (_, HmsVerbs.Join) => Button(new() { ["team"] = teamId, ["group"] = teamId }),
            (_, HmsVerbs.Name) => Form(new() { ["team"] = teamId, ["person"] = "29:" + Guid.NewGuid(), ["role"] = "verneombud" }),
            (_, HmsVerbs.Post) => Form(new() { ["team"] = teamId }, "message"),
            (_, HmsVerbs.Question) => Form(new() { ["team"] = teamId }, "text", "low", "high"),
            (_, HmsVerbs.StartCircle) => Form(new() { ["team"] = teamId, ["circleTeam"] = teamId }, "topic"),
            (_, HmsVerbs.Schedule) => Form(new() { ["team"] = teamId, ["circle"] = "none", ["phase"] = "0", ["date"] = "2027-01-04", ["time"] = "14:30" }),
            (_, HmsVerbs.Goal) => Form(new() { ["team"] = teamId, ["circle"] = "none", ["deadline"] = "2027-02-01" }, "owners"),
            (_, HmsVerbs.Idea) => Form(new() { ["team"] = teamId, ["circle"] = "none", ["category"] = "workflow" }),
            (_, HmsVerbs.Worksheet) => Form(new() { ["team"] = teamId, ["circle"] = "none", ["phase"] = "0" }, "cameUp", "proposals"),
            (_, HmsVerbs.Input) => Form(new() { ["team"] = teamId, ["circle"] = "none", ["phase"] = "0", ["anonymous"] = "true" }, "input"),
            (_, HmsVerbs.Vote) => Button(new() { ["team"] = teamId, ["circle"] = "none", ["proposal"] = "0" }),
            (_, NetworkVerbs.SaveSettings) => Form(new() { ["team"] = teamId, ["crossTenant"] = "false" }, "municipality"),
            (_, NetworkVerbs.Create) => Form(new() { ["theme"] = "palliation", ["meeting1"] = "2027-03-01", ["daysBefore"] = "7" }, "name"),
            (_, NetworkVerbs.Join) => Form(new() { ["team"] = teamId }, "code"),
            (_, NetworkVerbs.Leave) => Button(new() { ["team"] = teamId, ["host"] = team.Teams.TenantId, ["network"] = "no-network" }),
            (_, NetworkVerbs.SaveReport or NetworkVerbs.SendReport) =>
                Form(new() { ["team"] = teamId, ["host"] = team.Teams.TenantId, ["network"] = "no-network", ["meeting"] = "2027-03-01" }, "tried", "happened", "next", "help"),
            (_, NetworkVerbs.Nudge) => Button(new()
            {
                ["host"] = team.Teams.TenantId, ["network"] = "no-network", ["meeting"] = "2027-03-01", ["memberTenant"] = team.Teams.TenantId, ["memberTeam"] = teamId,
            }),
            (_, PracticeVerbs.Share) => Form(new() { ["team"] = teamId, ["source"] = "idea:" + ideaId, ["theme"] = "other", ["stage"] = "wip", ["scope"] = "tenant" },
                "what", "why", "result", "lesson"),
            (_, NetworkVerbs.Takeaways) => Form(new() { ["team"] = teamId, ["host"] = team.Teams.TenantId, ["network"] = "no-network", ["meeting"] = "2027-03-01" },
                "takeaway1", "takeaway2", "takeaway3"),
            (_, NetworkVerbs.RenewCode) => Button(new() { ["host"] = team.Teams.TenantId, ["network"] = "no-network" }),
            (_, PracticeVerbs.Adopt) => Button(new() { ["where"] = "tenant|" + team.Teams.TenantId, ["practice"] = "no-practice" }),
            _ => null,
        };
    }
}
