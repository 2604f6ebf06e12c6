using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Hms;
using CareCompanion.Storage.Hms;

namespace CareCompanion.Bot.Hms;

/// <summary>The group card as the caller sees it: in a team's channel with that team's roster to name people from.</summary>
public static class HmsGroupCards
{
    public static HmsGroupView View(HmsGroup group) =>
        new(group.TeamId, [.. group.Teams.Select(t => t.Name)], [.. group.Members.Select(m => new HmsMemberView(m.Name, m.Role, m.Confirmed))]);

    public static IReadOnlyList<HmsMemberView> Signers(HmsGroup group) =>
        [.. group.Confirmed.Select(m => new HmsMemberView(m.Name, m.Role, true))];

    public static async Task<Reply> ReplyAsync(Turn turn, HmsGroup group, string? notice, CancellationToken ct)
    {
        var teamId = turn.ChannelTeamId ?? turn.Caller?.TeamId ?? group.TeamId;
        var roster = turn.ChannelTeamId is { } channelTeam
            ? (await turn.RosterAsync(channelTeam, 100, ct)).Select(m => (m.Name, m.UserId)).ToList()
            : [];
        return Reply.Card(HmsCards.Group(turn.Language, teamId, View(group), roster, [.. group.Teams.Select(t => new HmsTeamChoice(t.TeamId, t.Name))], notice));
    }
}
