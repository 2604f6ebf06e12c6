using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Networks;

/// <summary>A member team as a card shows it: its municipality and unit.</summary>
public sealed record MemberView(string Municipality, string Team);

/// <summary>A network as a card shows it: what it is, who is in it, the next meeting and the latest reports sent for it.</summary>
public sealed record NetworkView(string Host, string NetworkId, string Name, string Theme, DateOnly? NextMeeting, IReadOnlyList<MemberView> Members,
    IReadOnlyList<ReportView> LatestReports, string? JoinCode = null);

/// <summary>The network cards: the one made (with its join code), and the list "nettverk" shows.</summary>
public static class NetworkCards
{
    public static JsonObject Created(Language language, NetworkView network)
    {
        var t = Texts.For(language);
        return Card([
            Heading(t["network.created.title"]),
            Written(network.Name, bold: true),
            Text(t.Format("network.created.code", network.JoinCode ?? "")),
            Text(t["network.created.how"], subtle: true),
        ]);
    }

    /// <param name="leaveFor">In a team's channel, the team whose leader may leave each network from here.</param>
    public static JsonObject List(Language language, IReadOnlyList<NetworkView> networks, string? leaveFor = null, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["network.list.title"]) };
        if (notice is not null) body.Add(Text(notice, bold: true));
        if (networks.Count == 0) body.Add(Text(t["network.list.empty"], subtle: true));
        foreach (var network in networks)
        {
            body.Add(Written(network.Name, bold: true));
            body.Add(Text($"{t[$"network.theme.{network.Theme}"]} · {(network.NextMeeting is { } next ? t.Format("network.list.next", Date(next)) : t["network.list.noMeeting"])}", subtle: true));
            if (network.JoinCode is not null) body.Add(Text(t.Format("network.created.code", network.JoinCode), subtle: true));
            body.Add(Written(string.Join(", ", network.Members.Select(m => $"{m.Team} ({m.Municipality})")), subtle: true));
            foreach (var report in network.LatestReports) body.Add(LabelledWritten($"{report.Team} ({report.Municipality})", report.Tried));
            if (network.JoinCode is not null)
            {
                body.Add(ActionSet(Execute(t["network.code.renew"], NetworkVerbs.RenewCode, new NetworkCodeRef(network.Host, network.NetworkId))));
            }
            if (leaveFor is not null)
            {
                body.Add(ActionSet(Execute(t["network.leave.button"], NetworkVerbs.Leave, new NetworkRef(leaveFor, network.Host, network.NetworkId))));
            }
        }
        return Card(body);
    }
}
