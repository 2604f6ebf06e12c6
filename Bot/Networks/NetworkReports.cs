using System.Globalization;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// The status card before a meeting, in a member team's channel: anyone in the team saves what they write; the team's
/// leader sends it to the network. The coordinator's nudge to a team that has not reported posts the card again in
/// that team's channel (once per team and meeting).
/// </summary>
public sealed class NetworkReports(NetworkRepository networks, NetworkReportRepository reports, NetworkNames names, JobRepository jobs, TimeProvider clock)
{
    public Task<Reply> SaveAsync(Turn turn, CancellationToken ct) => StoreAsync(turn, send: false, ct);

    public Task<Reply> SendAsync(Turn turn, CancellationToken ct) => StoreAsync(turn, send: true, ct);

    private async Task<Reply> StoreAsync(Turn turn, bool send, CancellationToken ct)
    {
        var (t, caller) = (turn.T, turn.Caller!);
        if (turn.Payload<NetworkReportPayload>() is not { } data || !DateOnly.TryParseExact(data.Meeting, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var meeting)
            || await networks.GetAsync(data.Host, data.Network, ct) is not { } network || !network.HasMember(caller.TenantId, caller.TeamId) || !network.Meetings.Contains(meeting))
        {
            return Reply.Text(t["network.error"]);
        }
        var empty = new NetworkReport
        {
            NetworkId = network.NetworkId, Meeting = meeting, TenantId = caller.TenantId, TeamId = caller.TeamId, TeamName = await names.TeamNameAsync(turn, ct),
        };
        var typed = new[] { data.Tried, data.Happened, data.Next, data.Help }.Any(f => f is not null);
        var report = await reports.SaveAsync(empty, current =>
        {
            // A field the tap did not carry keeps what was saved: Teams leaves empty inputs out, and a leader may send
            // from a copy of the card that does not show what a colleague saved since.
            var written = current with
            {
                Tried = Kept(data.Tried, current.Tried),
                Happened = Kept(data.Happened, current.Happened),
                Next = Kept(data.Next, current.Next),
                HelpWanted = Kept(data.Help, current.HelpWanted),
                Writers = !typed || current.Writers.Contains(caller.UserAadObjectId) ? current.Writers : [.. current.Writers, caller.UserAadObjectId],
            };
            return !send || Blank(written) ? written : written with
            {
                SentAt = clock.GetUtcNow(), SentByAadObjectId = caller.UserAadObjectId, SentByUserId = turn.UserId,
            };
        }, ct);
        var notice = send && Blank(report) ? "network.status.emptyNotice" : send ? "network.status.sentNotice" : "network.status.savedNotice";
        var draft = new ReportView("", report.TeamName, report.Tried, report.Happened, report.Next, report.HelpWanted);
        return Reply.Card(ReportCards.Status(turn.Language, caller.TeamId, network.HostTenantId, network.NetworkId, network.Name, meeting, draft,
            sent: report.SentAt is not null, notice: t[notice]));
    }

    private static string Kept(string? typed, string stored) => typed is null ? stored : Cut(typed);

    private static bool Blank(NetworkReport report) =>
        new[] { report.Tried, report.Happened, report.Next, report.HelpWanted }.All(string.IsNullOrWhiteSpace);

    /// <summary>The coordinator taps "minn på" for a late team: the status card goes to that team's channel again.</summary>
    public async Task<Reply> NudgeAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        if (turn.Payload<NetworkNudgePayload>() is not { } data || data.Host != turn.TenantId
            || !DateOnly.TryParseExact(data.Meeting, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var meeting)
            || await networks.GetAsync(data.Host, data.Network, ct) is not { } network || !network.HasMember(data.MemberTenant, data.MemberTeam))
        {
            return Reply.Text(t["network.error"]);
        }
        await jobs.ScheduleAsync(NetworkJobs.NudgeKind.Create(network.HostTenantId, clock.GetUtcNow(),
            new NetworkJobs.NudgePayload(network.NetworkId, meeting, data.MemberTenant, data.MemberTeam), network.NetworkId, meeting, data.MemberTenant, data.MemberTeam), ct);
        var (reportsSent, late) = await AgendaAsync(network, meeting, turn.TenantId!, t, ct);
        var nudged = network.Current.First(m => m.TenantId == data.MemberTenant && m.TeamId == data.MemberTeam).TeamName;
        return Reply.Card(ReportCards.Agenda(turn.Language, network.HostTenantId, network.NetworkId, network.Name, meeting, reportsSent, late, nudge: true,
            notice: t.Format("network.agenda.nudged", nudged)));
    }

    /// <summary>The reports sent for the meeting and the member teams that have not sent one, as the reader may see them.</summary>
    public async Task<(IReadOnlyList<ReportView> Sent, IReadOnlyList<LateTeam> Late)> AgendaAsync(Network network, DateOnly meeting, string readerTenant,
        Cards.Localization.Texts t, CancellationToken ct)
    {
        var sent = (await reports.ListAsync(network.NetworkId, meeting, ct)).Where(r => r.SentAt is not null).Select(r => (r.TenantId, r.TeamId)).ToHashSet();
        var late = new List<LateTeam>();
        foreach (var member in await names.VisibleMembersAsync(network, readerTenant, ct))
        {
            if (!sent.Contains((member.TenantId, member.TeamId))) late.Add(new LateTeam(await names.MunicipalityAsync(member.TenantId, t, ct), member.TeamName, member.TenantId, member.TeamId));
        }
        return (await names.SentReportsAsync(network, meeting, readerTenant, t, ct), late);
    }

    private static string Cut(string? text) => (text ?? "").Trim() is var s && s.Length > NetworkVerbs.MaxReportField ? s[..NetworkVerbs.MaxReportField] : s;
}
