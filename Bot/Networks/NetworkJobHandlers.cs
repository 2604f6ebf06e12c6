using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Networks;

/// <summary>The status card in each current member team's channel before a meeting (a team that left gets none).</summary>
public sealed class NetworkStatusJob(NetworkRepository networks, NetworkStatusCards cards) : IJobHandler
{
    public string Kind => NetworkJobs.StatusKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = NetworkJobs.StatusKind.Read(job);
        if (await networks.GetAsync(job.TenantId, payload.NetworkId, ct) is not { } network || !network.Meetings.Contains(payload.Meeting)) return [];
        var planned = new List<PlannedMessage>();
        foreach (var member in network.Current)
        {
            if (await cards.ForTeamAsync(network, payload.Meeting, member.TenantId, member.TeamId, null, ct) is { } message) planned.Add(message);
        }
        return planned;
    }
}

/// <summary>The coordinator's nudge: the status card again in the late team's channel, saying the network waits for it.</summary>
public sealed class NetworkNudgeJob(NetworkRepository networks, NetworkStatusCards cards) : IJobHandler
{
    public string Kind => NetworkJobs.NudgeKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = NetworkJobs.NudgeKind.Read(job);
        if (await networks.GetAsync(job.TenantId, payload.NetworkId, ct) is not { } network || !network.HasMember(payload.MemberTenant, payload.MemberTeam)) return [];
        return await cards.ForTeamAsync(network, payload.Meeting, payload.MemberTenant, payload.MemberTeam, "network.status.nudge", ct) is { } message ? [message] : [];
    }
}

/// <summary>The day before a meeting: the coordinator gets one card with every report sent and who is late, with a nudge each.</summary>
public sealed class NetworkAgendaJob(NetworkRepository networks, NetworkReports reports, PersonalChats chats) : IJobHandler
{
    public string Kind => NetworkJobs.AgendaKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = NetworkJobs.AgendaKind.Read(job);
        if (await networks.GetAsync(job.TenantId, payload.NetworkId, ct) is not { CreatedIn: { } createdIn, CoordinatorAadObjectId: { } coordinatorId } network) return [];
        var coordinator = new Recipient(coordinatorId, network.CoordinatorUserId);
        var language = Language.Bokmal;
        if (await chats.GetOrCreateAsync(createdIn, coordinator.AadObjectId, coordinator.UserId, ct) is { } chat)
        {
            language = await chats.LanguageOfAsync(createdIn, coordinator.AadObjectId, chat, ct);
        }
        var (sent, late) = await reports.AgendaAsync(network, payload.Meeting, network.HostTenantId, Texts.For(language), ct);
        return await chats.TellAsync(createdIn, [coordinator],
            (_, t) => ReportCards.Agenda(t.Language, network.HostTenantId, network.NetworkId, network.Name, payload.Meeting, sent, late, nudge: true), ct);
    }
}

/// <summary>The status card for one member team, in its channel's language, with what the team has written so far.</summary>
public sealed class NetworkStatusCards(IdeaChannel channels, NetworkReportRepository reports)
{
    public async Task<PlannedMessage?> ForTeamAsync(Network network, DateOnly meeting, string tenantId, string teamId, string? noticeKey, CancellationToken ct)
    {
        if (await channels.OfTeamAsync(tenantId, teamId, ct) is not { } channel) return null;
        var language = IdeaChannel.LanguageOf(channel);
        var report = await reports.GetAsync(network.NetworkId, meeting, tenantId, teamId, ct);
        var draft = report is null ? null : new ReportView("", report.TeamName, report.Tried, report.Happened, report.Next, report.HelpWanted);
        var notice = noticeKey is null ? null : Texts.For(language).Format(noticeKey, network.Name);
        return new PlannedMessage(channel, CardMessage.From(ReportCards.Status(language, teamId, network.HostTenantId, network.NetworkId, network.Name, meeting,
            draft, report?.SentAt is not null, notice)));
    }
}
