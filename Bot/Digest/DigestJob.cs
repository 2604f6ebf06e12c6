using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Pulse;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Digest;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Teams;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Digest;

/// <summary>
/// Friday's digest for a tenant: one card per leader, tillitsvalgt and verneombud, over all their teams, in their
/// personal chat (opened from the team's roster when needed). Whoever cannot be reached is covered by their team's
/// leaders' channel, if the team chose one. Nothing to report, or the digest turned off: nothing is sent. Before planning,
/// role holders Teams' roster no longer lists lose their roles (<see cref="RosterCheck"/>), so they get nothing.
/// </summary>
public sealed class DigestJob(PulseRepository pulse, TeamRepository teams, RosterCheck rosterCheck, DigestRepository digests, DigestBuilder builder,
    PersonalChats personalChats, JobRepository jobs, TimeProvider clock) : IJobHandler
{
    public string Kind => DigestJobs.Kind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        await jobs.ScheduleAsync(DigestJobs.Weekly(job.TenantId, DigestJobs.Kind.Read(job).TimeZone, job.DueAt.AddMinutes(1)), ct);
        var since = job.DueAt.AddDays(-7);
        var now = clock.GetUtcNow();
        var names = await builder.TeamNamesAsync(job.TenantId, ct);
        var off = await digests.ListOffAsync(job.TenantId, ct);
        // A few teams and people at a time: one after another, a municipality of 200 teams waited 200 roster reads, and
        // as many chats looked up, before its first card was queued.
        var allSettings = await pulse.ListSettingsAsync(job.TenantId, ct);
        var loaded = new (Team Home, List<RoleHolder> Holders, TeamDigest Team)?[allSettings.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, allSettings.Count), AtOnce(ct), async (i, token) =>
        {
            var settings = allSettings[i];
            if (await teams.GetAsync(job.TenantId, settings.TeamId, token) is not { } home) return;
            var holders = (await rosterCheck.HoldersInTeamAsync(home, token)).Where(h => h.Roles.Overlaps(DigestBuilder.Readers)).ToList();
            if (holders.Count == 0) return;
            loaded[i] = (home, holders, await builder.LoadAsync(job.TenantId, settings.TeamId, settings, home.TimeZone, names, now, token));
        });
        var readers = new Dictionary<string, Reader>();
        foreach (var (home, holders, team) in loaded.OfType<(Team, List<RoleHolder>, TeamDigest)>())
        {
            foreach (var holder in holders)
            {
                var reader = readers.TryGetValue(holder.AadObjectId, out var r) ? r : readers[holder.AadObjectId] = new Reader(holder.UserId, TeamChannel.Of(home));
                reader.Teams.Add((team, holder.Roles.Overlaps(Role.Leaders)));
            }
        }

        // Each reader's cards, or the teams they lead when they cannot be reached, kept in the readers' order.
        var toTell = readers.Where(r => !off.Contains(r.Key)).ToList();
        var told = new (IReadOnlyList<PlannedMessage> Cards, IEnumerable<TeamDigest> Unreachable)[toTell.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, toTell.Count), AtOnce(ct), async (i, token) =>
        {
            var (person, reader) = toTell[i];
            var view = DigestBuilder.Compose(reader.Teams, since, now);
            if (view.IsEmpty)
            {
                told[i] = ([], []);
                return;
            }
            var reached = true;
            var cards = await personalChats.TellAsync(reader.Team, [new Recipient(person, reader.UserId)], (_, t) => DigestCard.Build(view, t.Language), token,
                unreachable: _ => reached = false);
            told[i] = (cards, reached ? [] : reader.Teams.Where(t => t.Leads).Select(t => t.Team));
        });
        var planned = told.SelectMany(t => t.Cards).ToList();
        var unreachable = told.SelectMany(t => t.Unreachable).ToList();
        planned.AddRange(await LeadersChannelsAsync(job.TenantId, unreachable, since, now, ct));
        return planned;
    }

    /// <summary>Teams loaded, and readers told, side by side.</summary>
    private const int AtOnceLimit = 4;

    private static ParallelOptions AtOnce(CancellationToken ct) => new() { MaxDegreeOfParallelism = AtOnceLimit, CancellationToken = ct };

    /// <summary>One digest per leaders' channel, for the teams whose leaders could not be reached in person.</summary>
    private async Task<IEnumerable<PlannedMessage>> LeadersChannelsAsync(string tenantId, List<TeamDigest> teams, DateTimeOffset since, DateTimeOffset now,
        CancellationToken ct)
    {
        var byChannel = new Dictionary<string, (StoredConversation Channel, Language Language, List<TeamDigest> Teams)>();
        foreach (var team in teams.DistinctBy(t => t.TeamId))
        {
            if (await digests.GetLeadersChannelAsync(tenantId, team.TeamId, ct) is not { } channel) continue;
            if (!byChannel.TryGetValue(channel.ConversationId, out var entry))
            {
                byChannel[channel.ConversationId] = entry = (channel, await ChannelLanguageAsync(channel, ct), []);
            }
            entry.Teams.Add(team);
        }
        return byChannel.Values
            .Select(e => (e.Channel, e.Language, View: DigestBuilder.Compose(e.Teams.Select(t => (t, true)), since, now)))
            .Where(e => !e.View.IsEmpty)
            .Select(e => new PlannedMessage(e.Channel, CardMessage.From(DigestCard.Build(e.View, e.Language))));
    }

    /// <summary>A channel post is in the language of the channel's team, as every post there; the locale it was chosen from if that team is gone.</summary>
    private async Task<Language> ChannelLanguageAsync(StoredConversation channel, CancellationToken ct) =>
        channel.TeamId is { } teamId && await teams.GetAsync(channel.TenantId, teamId, ct) is { } team
            ? TeamChannel.LanguageOf(team)
            : LanguageResolver.FromLocale(channel.Locale);

    private sealed record Reader(string? UserId, StoredConversation Team)
    {
        public List<(TeamDigest Team, bool Leads)> Teams { get; } = [];
    }
}
