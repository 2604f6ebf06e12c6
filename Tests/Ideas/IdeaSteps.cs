using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Ideas;

/// <summary>What people do with ideas in a test team: each step posts the activity Teams would post.</summary>
public static class IdeaSteps
{
    public static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    public static IdeaRepository Ideas(this PulseTeam team) => team.Bot.Get<IdeaRepository>();

    public static JsonObject Form(this PulseTeam team, string title = "Fast tid til overlapp", string description = "Kl. 14:45 på vaktrommet.",
        string category = "workflow", bool anonymous = false, string? teamId = null) => new()
    {
        ["verb"] = IdeaVerbs.Submit,
        ["team"] = teamId ?? team.Teams.TeamId,
        ["title"] = title,
        ["description"] = description,
        ["category"] = category,
        ["anonymous"] = anonymous ? "true" : "false",
    };

    /// <summary>Posts an activity and returns what the person sees: the invoke's message or card text.</summary>
    public static async Task<string> SendAsync(this PulseTeam team, JsonObject activity)
    {
        var response = await team.Bot.PostAsync(activity);
        response.EnsureSuccessStatusCode();
        return CardContent.InvokeReply((await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    public static Task<string> SubmitAsync(this PulseTeam team, string person, JsonObject form) =>
        team.SendAsync(team.Teams.ChannelCardAction(IdeaVerbs.Submit, form, person));

    /// <summary>Submits an idea in the channel and returns it as stored.</summary>
    public static async Task<Idea> SubmitIdeaAsync(this PulseTeam team, string person, JsonObject? form = null)
    {
        var before = (await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId)).Select(i => i.IdeaId).ToHashSet();
        await team.SubmitAsync(person, form ?? team.Form());
        return (await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId)).Single(i => !before.Contains(i.IdeaId));
    }

    public static JsonObject Ref(Idea idea, JsonObject? extra = null)
    {
        var data = new JsonObject { ["idea"] = idea.IdeaId, ["team"] = idea.TeamId };
        foreach (var (key, value) in extra ?? []) data[key] = value?.DeepClone();
        return data;
    }

    public static Task<string> ActAsync(this PulseTeam team, string verb, Idea idea, string person, JsonObject? extra = null) =>
        team.SendAsync(team.Teams.ChannelCardAction(verb, Ref(idea, extra), person));

    public static Task<string> DecideAsync(this PulseTeam team, Idea idea, string person, string status, string reason) =>
        team.ActAsync(IdeaVerbs.Status, idea, person, new JsonObject { [IdeaVerbs.StatusInput(idea.IdeaId)] = status, [IdeaVerbs.ReasonInput(idea.IdeaId)] = reason });

    public static Task<Idea?> ReloadAsync(this PulseTeam team, Idea idea) => team.Ideas().GetAsync(idea.TenantId, idea.TeamId, idea.IdeaId);

    public static async Task<string> NewLeaderAsync(this PulseTeam team, string role = Role.Leader)
    {
        var person = Guid.NewGuid().ToString();
        await team.Bot.Get<RoleRepository>().GrantAsync(team.Teams.TenantId, team.Teams.TeamId, person, role, teamsUserId: "29:" + person);
        return person;
    }

    /// <summary>Idea cards posted or updated in the team's channel.</summary>
    public static IReadOnlyList<SentActivity> IdeaCardsInChannel(this PulseTeam team) =>
        [.. team.Connector.SentTo(team.Teams.GeneralChannelId).Where(s => s.Card?["body"]?.AsArray().Any(b => b is not null && CardContent.Text(b).StartsWith("Idé ·")) == true)];
}
