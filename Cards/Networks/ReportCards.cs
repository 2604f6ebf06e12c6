using System.Globalization;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Networks;

/// <summary>A team's status as the coordinator and the agenda show it.</summary>
public sealed record ReportView(string Municipality, string Team, string Tried, string Happened, string Next, string Help);

/// <summary>A team that has not sent its status (yet), with what the nudge button needs.</summary>
public sealed record LateTeam(string Municipality, string Team, string TenantId, string TeamId);

/// <summary>The status card in a member team's channel, and the coordinator's agenda card with every report and who is late.</summary>
public static class ReportCards
{
    public static JsonObject Status(Language language, string teamId, string host, string networkId, string networkName, DateOnly meeting,
        ReportView? draft = null, bool sent = false, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t.Format("network.status.title", Embedded(networkName), Date(meeting))) };
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.Add(Text(t[sent ? "network.status.sent" : "network.status.intro"], subtle: true));
        body.Add(TextInput("tried", t["network.status.tried"], NetworkVerbs.MaxReportField, true, draft?.Tried));
        body.Add(TextInput("happened", t["network.status.happened"], NetworkVerbs.MaxReportField, true, draft?.Happened));
        body.Add(TextInput("next", t["network.status.next"], NetworkVerbs.MaxReportField, true, draft?.Next));
        body.Add(TextInput("help", t["network.status.help"], NetworkVerbs.MaxReportField, true, draft?.Help));
        var payload = new NetworkReportPayload(teamId, host, networkId, meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Card(body, [
            Execute(t["network.status.save"], NetworkVerbs.SaveReport, payload),
            Execute(t["network.status.send"], NetworkVerbs.SendReport, payload, style: "positive"),
        ]);
    }

    /// <param name="nudge">For the coordinator: a one-tap nudge per late team. The agenda for the meeting has none.</param>
    public static JsonObject Agenda(Language language, string host, string networkId, string networkName, DateOnly meeting, IReadOnlyList<ReportView> reports,
        IReadOnlyList<LateTeam> late, bool nudge, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t.Format("network.agenda.title", Embedded(networkName), Date(meeting))) };
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.Add(Text(t.Format("network.agenda.count", reports.Count, reports.Count + late.Count), subtle: true));
        foreach (var report in reports)
        {
            body.Add(Written($"{report.Team} ({report.Municipality})", bold: true));
            if (report.Tried.Length > 0) body.Add(LabelledWritten(t["network.status.tried"], report.Tried));
            if (report.Happened.Length > 0) body.Add(LabelledWritten(t["network.status.happened"], report.Happened));
            if (report.Next.Length > 0) body.Add(LabelledWritten(t["network.status.next"], report.Next));
            if (report.Help.Length > 0) body.Add(LabelledWritten(t["network.status.help"], report.Help));
        }
        if (late.Count > 0) body.Add(Text(t["network.agenda.late"], bold: true));
        var day = meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var team in late)
        {
            body.Add(Written($"{team.Team} ({team.Municipality})"));
            if (nudge) body.Add(ActionSet(Execute(t["network.agenda.nudge"], NetworkVerbs.Nudge, new NetworkNudgePayload(host, networkId, day, team.TenantId, team.TeamId))));
        }
        return Card(body);
    }
}
