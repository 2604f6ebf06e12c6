using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// How networks and their members are shown to a reader: municipality names from each tenant's settings, and only the
/// members and reports the reader may see now (<see cref="TenantRoles.MaySeeAcrossAsync"/>, read at each call).
/// </summary>
public sealed class NetworkNames(NetworkRepository networks, NetworkReportRepository reports, TenantRoles tenants, TeamRepository teams, TimeProvider clock)
{
    /// <summary>
    /// The caller's team by name, as other units see it. Teams sends a team's name with its install and rename events,
    /// not with each message or card tap: then the name stored at install, and the bare id only if there is none.
    /// </summary>
    public async Task<string> TeamNameAsync(Turn turn, CancellationToken ct) =>
        turn.ChannelTeamName ?? (await teams.GetAsync(turn.Caller!.TenantId, turn.Caller.TeamId, ct))?.Name ?? turn.Caller!.TeamId;

    public async Task<string> MunicipalityAsync(string tenantId, Texts t, CancellationToken ct) =>
        (await networks.SettingsAsync(tenantId, ct)).MunicipalityName is { Length: > 0 } name ? name : t["network.unnamedMunicipality"];

    /// <summary>The current members whose tenant the reader may see.</summary>
    public async Task<IReadOnlyList<NetworkMember>> VisibleMembersAsync(Network network, string readerTenant, CancellationToken ct)
    {
        var visible = new List<NetworkMember>();
        foreach (var member in network.Current)
        {
            if (await tenants.MaySeeAcrossAsync(readerTenant, member.TenantId, ct)) visible.Add(member);
        }
        return visible;
    }

    /// <summary>The reports sent for a meeting by teams still in the network that the reader may see.</summary>
    public async Task<IReadOnlyList<ReportView>> SentReportsAsync(Network network, DateOnly meeting, string readerTenant, Texts t, CancellationToken ct)
    {
        var members = await VisibleMembersAsync(network, readerTenant, ct);
        var sent = (await reports.ListAsync(network.NetworkId, meeting, ct))
            .Where(r => r.SentAt is not null && members.Any(m => m.TenantId == r.TenantId && m.TeamId == r.TeamId));
        var views = new List<ReportView>();
        foreach (var r in sent) views.Add(new ReportView(await MunicipalityAsync(r.TenantId, t, ct), r.TeamName, r.Tried, r.Happened, r.Next, r.HelpWanted));
        return views;
    }

    public async Task<NetworkView> ViewAsync(Network network, string readerTenant, Texts t, bool withCode, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var members = new List<MemberView>();
        foreach (var m in await VisibleMembersAsync(network, readerTenant, ct)) members.Add(new MemberView(await MunicipalityAsync(m.TenantId, t, ct), m.TeamName));
        var last = network.Meetings.Where(d => d <= today.AddDays(network.ReportDaysBefore)).Order().Cast<DateOnly?>().LastOrDefault();
        var latest = last is { } meeting ? await SentReportsAsync(network, meeting, readerTenant, t, ct) : [];
        return new NetworkView(network.HostTenantId, network.NetworkId, network.Name, network.Theme, network.NextMeeting(today), members, latest,
            withCode ? network.JoinCode : null);
    }
}
