using System.Globalization;
using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// "Bring it home": the morning after a meeting, each member team's leaders and whoever wrote or sent its status get a
/// prompt in their personal chat for 1–3 takeaways; what they write is posted in their own team's channel, and the
/// team's leaders are told in their personal chat.
/// </summary>
public sealed class NetworkBringHomeJob(NetworkRepository networks, NetworkReportRepository reports, RoleRepository roles, IdeaChannel channels,
    PersonalChats chats) : IJobHandler
{
    public string Kind => NetworkJobs.BringHomeKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = NetworkJobs.BringHomeKind.Read(job);
        if (await networks.GetAsync(job.TenantId, payload.NetworkId, ct) is not { } network) return [];
        var planned = new List<PlannedMessage>();
        foreach (var member in network.Current)
        {
            if (await channels.OfTeamAsync(member.TenantId, member.TeamId, ct) is not { } channel) continue;
            var report = await reports.GetAsync(network.NetworkId, payload.Meeting, member.TenantId, member.TeamId, ct);
            var leaders = (await roles.ListAsync(member.TenantId, member.TeamId, ct)).Where(h => h.Roles.Contains(Role.Leader)).Select(Recipient.Of);
            var writers = (report?.Writers ?? []).Select(w => new Recipient(w, w == report!.SentByAadObjectId ? report.SentByUserId : null));
            planned.AddRange(await chats.TellAsync(channel, [.. leaders, .. writers], (_, t) =>
                TakeawayCards.Prompt(t.Language, member.TeamId, member.TeamName, network.HostTenantId, network.NetworkId, network.Name, payload.Meeting), ct));
        }
        return planned;
    }
}

/// <summary>The takeaways sent from the prompt: checked (the team is still in the network), then posted by a job.</summary>
public sealed class NetworkTakeaways(NetworkRepository networks, JobRepository jobs, TimeProvider clock)
{
    public async Task<Reply> PostAsync(Turn turn, CancellationToken ct)
    {
        var (t, caller) = (turn.T, turn.Caller!);
        if (turn.Payload<NetworkTakeawaysPayload>() is not { } data || !DateOnly.TryParseExact(data.Meeting, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var meeting)
            || await networks.GetAsync(data.Host, data.Network, ct) is not { } network || !network.HasMember(caller.TenantId, caller.TeamId))
        {
            return Reply.Text(t["network.error"]);
        }
        var lines = new[] { data.Takeaway1, data.Takeaway2, data.Takeaway3 }.Select(l => (l ?? "").Trim()).Where(l => l.Length > 0)
            .Select(l => l.Length > NetworkVerbs.MaxReportField ? l[..NetworkVerbs.MaxReportField] : l).ToList();
        if (lines.Count == 0) return Reply.Text(t["network.takeaways.empty"]);
        await jobs.ScheduleAsync(NetworkJobs.TakeawaysKind.Create(caller.TenantId, clock.GetUtcNow(),
            new NetworkJobs.TakeawaysPayload(network.Name, caller.TeamId, caller.UserAadObjectId, turn.UserName ?? "", lines),
            caller.TeamId, network.NetworkId, meeting, caller.UserAadObjectId), ct);
        return Reply.Text(t["network.takeaways.thanks"]);
    }
}

/// <summary>Posts the takeaways in the team's channel, and tells the team's leaders (but the author) in their personal chat.</summary>
public sealed class NetworkTakeawaysJob(RoleRepository roles, IdeaChannel channels, PersonalChats chats) : IJobHandler
{
    public string Kind => NetworkJobs.TakeawaysKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = NetworkJobs.TakeawaysKind.Read(job);
        if (await channels.OfTeamAsync(job.TenantId, payload.TeamId, ct) is not { } channel) return [];
        var language = IdeaChannel.LanguageOf(channel);
        var leaders = (await roles.ListAsync(job.TenantId, payload.TeamId, ct))
            .Where(h => h.Roles.Contains(Role.Leader) && h.AadObjectId != payload.AuthorAadObjectId).Select(Recipient.Of);
        return
        [
            new PlannedMessage(channel, CardMessage.From(TakeawayCards.Posted(language, payload.NetworkName, payload.AuthorName, payload.Takeaways))),
            .. await chats.TellAsync(channel, leaders, (_, t) => TakeawayCards.Posted(t.Language, payload.NetworkName, payload.AuthorName, payload.Takeaways), ct),
        ];
    }
}
