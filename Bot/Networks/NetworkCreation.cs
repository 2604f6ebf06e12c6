using System.Globalization;
using System.Security.Cryptography;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// "nytt nettverk" (a network coordinator of the tenant): name, theme, meeting dates and when the status card goes out;
/// the answer is the join code to share with the teams' leaders. The status and agenda jobs are scheduled per meeting.
/// </summary>
public sealed class NetworkCreation(NetworkRepository networks, JobRepository jobs, TimeProvider clock)
{
    // No 0/O, 1/I/L: a code is read aloud in a meeting and typed on a phone.
    private const string CodeLetters = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A new random join code (free or not: storing it tells).</summary>
    internal static string DrawCode() => RandomNumberGenerator.GetString(CodeLetters, 8);

    public Task<Reply> ShowFormAsync(Turn turn, CancellationToken ct) => Task.FromResult(Reply.Card(NetworkFormCards.Create(turn.Language, new NetworkDraft())));

    public async Task<Reply> CreateAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        if (turn.Payload<NetworkFormPayload>() is not { } data) return Reply.Text(t["network.error"]);
        var meetings = new[] { data.Meeting1, data.Meeting2, data.Meeting3, data.Meeting4 }
            .Select(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null)
            .OfType<DateOnly>().Distinct().Order().ToList();
        var daysBefore = int.TryParse(data.DaysBefore, out var days) ? Math.Clamp(days, 1, 30) : 7;
        var draft = new NetworkDraft(data.Name, data.Theme, meetings, daysBefore);
        var name = (data.Name ?? "").Trim();
        if (name.Length is 0 or > NetworkVerbs.MaxName) return Reply.Card(NetworkFormCards.Create(turn.Language, draft, t["network.error.name"]));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (meetings.Count == 0 || meetings.Any(m => m < today)) return Reply.Card(NetworkFormCards.Create(turn.Language, draft, t["network.error.meetings"]));

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var network = new Network
            {
                NetworkId = StableIds.For(turn.TenantId!, turn.ActivityId),
                HostTenantId = turn.TenantId!,
                Name = name,
                Theme = NetworkVerbs.Themes.Contains(data.Theme) ? data.Theme! : "other",
                JoinCode = DrawCode(),
                Meetings = meetings,
                ReportDaysBefore = daysBefore,
                CoordinatorAadObjectId = turn.PersonId!,
                CoordinatorUserId = turn.UserId,
                CreatedIn = turn.Conversation,
                CreatedAt = clock.GetUtcNow(),
            };
            if (await networks.GetAsync(network.HostTenantId, network.NetworkId, ct) is { } made) return Created(turn, made);
            if (!await networks.TryAddAsync(network, ct)) continue;
            foreach (var job in NetworkJobs.For(network, clock.GetUtcNow())) await jobs.ScheduleAsync(job, ct);
            return Created(turn, network);
        }
        throw new InvalidOperationException("Could not draw a free join code.");
    }

    private static Reply Created(Turn turn, Network network) => Reply.Card(NetworkCards.Created(turn.Language,
        new NetworkView(network.HostTenantId, network.NetworkId, network.Name, network.Theme, null, [], [], network.JoinCode)));
}
