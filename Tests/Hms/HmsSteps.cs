using System.Text.Json.Nodes;
using CareCompanion.Cards.Hms;
using CareCompanion.Storage.Hms;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Hms;

/// <summary>What the HMS group does in a test team: each step posts the activity Teams would post.</summary>
public static class HmsSteps
{
    /// <summary>The installer (leader, "Kari Nordmann") types "hms-gruppe" in the channel: the group is made.</summary>
    public static async Task<HmsGroup> CreateGroupAsync(this PulseTeam team)
    {
        await team.Bot.PostAsync(team.Teams.ChannelMessage("hms-gruppe"));
        return (await team.Bot.Get<HmsRepository>().GetAsync(team.Teams.TenantId, team.Teams.TeamId))!;
    }

    /// <summary>Someone in the team's roster whom the leader names for the group and who confirms in their chat; returns their Entra id.</summary>
    public static async Task<string> NameAndConfirmAsync(this PulseTeam team, string name, string role, DateTimeOffset now)
    {
        var person = Guid.NewGuid().ToString();
        team.Connector.AddMember(team.Teams.TeamId, "29:" + person, person, name);
        await team.SendAsync(team.Teams.ChannelCardAction(HmsVerbs.Name,
            new JsonObject { ["team"] = team.Teams.TeamId, ["person"] = "29:" + person, ["role"] = role }, team.Teams.UserAadObjectId));
        await team.RunAtAsync(now);
        await team.SendAsync(team.Teams.PersonalCardAction(HmsVerbs.Confirm, new JsonObject { ["team"] = team.Teams.TeamId }, person));
        return person;
    }

    /// <summary>Cards the bot sent to the person's personal chat (the one it opened for them).</summary>
    public static IReadOnlyList<SentActivity> ChatCards(this PulseTeam team, string person) =>
        team.Connector.CreatedChats.TryGetValue("29:" + person, out var chat) ? [.. team.Connector.SentTo(chat).Where(s => s.Card is not null)] : [];
}
