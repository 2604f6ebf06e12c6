using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Languages;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Networks;
using CareCompanion.Cards.Pulse;
using CareCompanion.Cards.Roles;
using CareCompanion.Storage;
using CareCompanion.Storage.Goals;
using CareCompanion.Tests.Hms;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Trust;

/// <summary>
/// Every privileged route in the route table, tried by a staff member with a forged card: refused with the route's own
/// words, in the channel and from a personal chat, and nothing stored changes. The routes come from the bot's route
/// table, so a new privileged route without a forged payload here fails this test.
/// </summary>
public sealed class PrivilegedRoutesTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts T = Texts.For(Language.Bokmal);

    [Fact]
    public async Task A_staff_member_is_refused_on_every_privileged_route_and_nothing_stored_changes()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var staff = Guid.NewGuid().ToString();
        var idea = await team.SubmitIdeaAsync(staff);
        await team.SendAsync(team.Teams.ChannelCardAction(GoalVerbs.Create, new JsonObject
        {
            ["team"] = team.Teams.TeamId, ["title"] = "Alle nyansatte får fadder", ["deadline"] = "2027-01-04", ["cadence"] = "weekly",
        }, team.Teams.UserAadObjectId));
        var goal = Assert.Single(await team.Bot.Get<GoalRepository>().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId));
        await team.CreateGroupAsync(); // the HMS group's routes are tried with a group there, which the staff member is not in
        var privileged = team.Bot.Get<Dispatcher>().All.Where(r => r.Access.Privileged).ToList();
        Assert.NotEmpty(privileged);
        var before = await SnapshotAsync(team);

        var tried = new List<string>();
        foreach (var route in privileged)
        {
            var refusal = T[route.Access.RefusalKey];
            if (route.Kind == RouteKind.Command)
            {
                var word = CommandWords.Of(T, route.Key)[0];
                await team.Bot.PostAsync(team.Teams.ChannelMessage(word, fromAadObjectId: staff));
                Assert.Equal(refusal, team.Connector.SentTo(team.Teams.GeneralChannelId)[^1].Text);
            }
            else if (route.Kind == RouteKind.Action)
            {
                var forged = Forged(route.Key, team, staff, idea.IdeaId, goal.GoalId)
                    ?? throw new Xunit.Sdk.XunitException($"The privileged route {route.Key} has no forged-payload case here: add one.");
                Assert.Equal(refusal, await team.SendAsync(team.Teams.ChannelCardAction(route.Key, forged, staff)));
                var fromPersonalChat = await team.SendAsync(team.Teams.PersonalCardAction(route.Key, forged.DeepClone().AsObject(), staff));
                Assert.Equal(route.Access.ChannelOnly ? T["command.teamOnly"] : refusal, fromPersonalChat);
            }
            else
            {
                throw new Xunit.Sdk.XunitException($"The privileged {route.Kind} route {route.Key} has no case here: add one.");
            }
            tried.Add(route.Key);
        }

        Assert.Equal(before, await SnapshotAsync(team));
        Assert.Contains(RoleVerbs.Set, tried);
        Assert.Contains("settings", tried);
        Assert.Contains(LanguageVerbs.SetTeam, tried);
        Assert.Contains(HmsVerbs.Post, tried);
        Assert.Contains("handover", tried); // "overlevering" typed by staff in the channel: refused, and no card in their chat
    }

    /// <summary>What a staff member would send to get a leader's or coach's way: real ids, plausible inputs.</summary>
    private static JsonObject? Forged(string verb, PulseTeam team, string staff, string ideaId, string goalId)
    {
        var teamId = team.Teams.TeamId;
        return verb switch
        {
            PulseVerbs.SaveSettings => new() { ["team"] = teamId, ["day"] = "Sunday", ["time"] = "09:00", ["openDays"] = "7", ["minAnswers"] = "3", ["themes"] = "" },
            PulseVerbs.AddQuestion => new() { ["team"] = teamId, ["text"] = "Hvem på teamet er latest?", ["type"] = "text", ["theme"] = "reflection" },
            PulseVerbs.AskNow => new() { ["team"] = teamId },
            MeetingVerbs.ToGoal => new() { ["team"] = teamId, ["meeting"] = "any", ["action"] = "1", ["owners-1"] = "Meg", ["deadline-1"] = "2027-02-01" },
            IdeaVerbs.Status or DigestVerbs.Decide => new()
            {
                ["team"] = teamId, ["idea"] = ideaId, [IdeaVerbs.StatusInput(ideaId)] = "notpursued", [IdeaVerbs.ReasonInput(ideaId)] = "Nei.",
            },
            IdeaVerbs.Share => new() { ["team"] = teamId, ["idea"] = ideaId },
            DigestVerbs.AskTeam => new() { ["team"] = teamId, ["goal"] = goalId },
            GoalVerbs.Create => new() { ["team"] = teamId, ["title"] = "Mitt eget mål", ["deadline"] = "2027-01-04", ["cadence"] = "weekly" },
            GoalVerbs.Close or GoalVerbs.Redate => new() { ["team"] = teamId, ["goal"] = goalId, ["reason"] = "Ferdig.", ["newDeadline"] = "2027-06-01" },
            RoleVerbs.Set => new() { ["team"] = teamId, ["person"] = "29:" + staff, ["role"] = "leader", ["change"] = "grant" },
            LanguageVerbs.SetTeam => new() { ["team"] = teamId, ["code"] = "en" },
            HmsVerbs.Create or HmsVerbs.Results => new() { ["team"] = teamId },
            HmsVerbs.Join => new() { ["team"] = teamId, ["group"] = teamId },
            HmsVerbs.Name => new() { ["team"] = teamId, ["person"] = "29:" + staff, ["role"] = "tillitsvalgt" },
            HmsVerbs.Post => new() { ["team"] = teamId, ["message"] = "Fra HMS-gruppa: alt er bra her." },
            HmsVerbs.Question => new() { ["team"] = teamId, ["text"] = "Hvor fornøyd er du med lederen?", ["low"] = "Lite", ["high"] = "Mye" },
            HmsVerbs.StartCircle => new() { ["team"] = teamId, ["circleTeam"] = teamId, ["topic"] = "Mitt eget tema" },
            HmsVerbs.Schedule => new() { ["team"] = teamId, ["circle"] = "any", ["phase"] = "0", ["date"] = "2027-01-04", ["time"] = "14:30" },
            HmsVerbs.Goal => new() { ["team"] = teamId, ["circle"] = "any", ["owners"] = "Meg", ["deadline"] = "2027-02-01" },
            HmsVerbs.Idea => new() { ["team"] = teamId, ["circle"] = "any", ["category"] = "workflow" },
            NetworkVerbs.SaveSettings => new() { ["team"] = teamId, ["crossTenant"] = "true", ["municipality"] = "Min kommune", ["coordinators"] = staff },
            NetworkVerbs.Create => new() { ["name"] = "Mitt nettverk", ["theme"] = "dementia", ["meeting1"] = "2027-03-01" },
            NetworkVerbs.Join => new() { ["team"] = teamId, ["code"] = "ABCDEFGH" },
            NetworkVerbs.Leave => new() { ["team"] = teamId, ["host"] = team.Teams.TenantId, ["network"] = "n1" },
            NetworkVerbs.SendReport => new() { ["team"] = teamId, ["host"] = team.Teams.TenantId, ["network"] = "n1", ["meeting"] = "2027-03-01", ["tried"] = "Ingenting" },
            NetworkVerbs.Nudge => new() { ["host"] = team.Teams.TenantId, ["network"] = "n1", ["meeting"] = "2027-03-01", ["memberTenant"] = team.Teams.TenantId, ["memberTeam"] = teamId },
            PracticeVerbs.Share => new() { ["team"] = teamId, ["source"] = "idea:" + ideaId, ["what"] = "Delt av ansatt", ["scope"] = "tenant" },
            NetworkVerbs.RenewCode => new() { ["host"] = team.Teams.TenantId, ["network"] = "n1" },
            _ => null,
        };
    }

    /// <summary>Every row the bot stores (but the instances' heartbeats), with its ETag: any write shows.</summary>
    private static async Task<string> SnapshotAsync(PulseTeam team)
    {
        var tables = team.Bot.Get<Tables>();
        var rows = new List<string>();
        foreach (var name in TableNames.All.Where(n => n != TableNames.Instances))
        {
            await foreach (var row in tables.Get(name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                rows.Add($"{name}/{row.PartitionKey}/{row.RowKey}/{row.ETag}");
            }
        }
        return string.Join("\n", rows.Order());
    }
}
