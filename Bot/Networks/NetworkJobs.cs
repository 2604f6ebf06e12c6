using CareCompanion.Bot.Scheduling;
using CareCompanion.Storage.Networks;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// A network's scheduled work, per meeting: the status card in each member team's channel (days before, as the network
/// says), and the coordinator's card with every report and who is late (the day before). Ids make each happen once per meeting.
/// </summary>
public static class NetworkJobs
{
    public sealed record Payload(string NetworkId, DateOnly Meeting);

    public static readonly JobKind<Payload> StatusKind = new("network.status");
    public static readonly JobKind<Payload> AgendaKind = new("network.agenda");

    /// <summary>The coordinator's nudge to one late team.</summary>
    public sealed record NudgePayload(string NetworkId, DateOnly Meeting, string MemberTenant, string MemberTeam);

    public static readonly JobKind<NudgePayload> NudgeKind = new("network.nudge");

    /// <summary>"Bring it home": after the meeting, the prompt to its attendees.</summary>
    public static readonly JobKind<Payload> BringHomeKind = new("network.bringhome");

    /// <summary>One attendee's takeaways, posted in their team's channel; their leaders are told.</summary>
    public sealed record TakeawaysPayload(string NetworkName, string TeamId, string AuthorAadObjectId, string AuthorName, IReadOnlyList<string> Takeaways);

    public static readonly JobKind<TakeawaysPayload> TakeawaysKind = new("network.takeaways");

    /// <summary>At 07:00 UTC (08:00 or 09:00 in Norway), a time people read the channel.</summary>
    private static DateTimeOffset Morning(DateOnly day) => new(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);

    public static IEnumerable<ScheduledJob> For(Network network, DateTimeOffset now) =>
        network.Meetings.SelectMany(meeting => new[]
        {
            StatusKind.Create(network.HostTenantId, Morning(meeting.AddDays(-network.ReportDaysBefore)), new Payload(network.NetworkId, meeting), network.NetworkId, meeting),
            AgendaKind.Create(network.HostTenantId, Morning(meeting.AddDays(-1)), new Payload(network.NetworkId, meeting), network.NetworkId, meeting),
            BringHomeKind.Create(network.HostTenantId, Morning(meeting.AddDays(1)), new Payload(network.NetworkId, meeting), network.NetworkId, meeting),
        }).Where(job => job.DueAt > now);
}
