using CareCompanion.Storage.Networks;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// The learning networks' part of the nightly retention sweep (<see cref="Privacy.RetentionJob"/>): status reports of a
/// meeting longer ago than the retention period are deleted (with who wrote and sent them); a practice card shared into a
/// network its team left longer ago than that is deleted (nobody can see it any more); any other practice card shared
/// longer ago loses the sharer's id and stays, with the contact name its sharer chose to give.
/// </summary>
public sealed class NetworkRetention(NetworkRepository networks, NetworkReportRepository reports, PracticeRepository practices)
{
    public async Task<(int Reports, int Cards)> SweepAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var before = DateOnly.FromDateTime(cutoff.UtcDateTime);
        var oldReports = (await reports.ListAllAsync(ct)).Where(r => r.Meeting < before).ToList();
        foreach (var report in oldReports) await reports.DeleteAsync(report, ct);
        var byId = (await networks.ListAllAsync(ct)).ToDictionary(n => n.NetworkId);
        var cards = 0;
        foreach (var card in (await practices.ListAllAsync(ct)).Where(c => c.SharedAt < cutoff))
        {
            if (card.NetworkId is { } id && byId.TryGetValue(id, out var network) && LeftBefore(network, card, cutoff))
            {
                await practices.DeleteAsync(card, ct);
                cards++;
            }
            else if (card.SharedByAadObjectId is not null)
            {
                await practices.ChangeAsync(card, current => current with { SharedByAadObjectId = null }, ct);
                cards++;
            }
        }
        return (oldReports.Count, cards);
    }

    private static bool LeftBefore(Network network, PracticeCard card, DateTimeOffset cutoff) =>
        !network.HasMember(card.TenantId, card.TeamId)
        && network.Members.Where(m => m.TenantId == card.TenantId && m.TeamId == card.TeamId).All(m => m.LeftAt < cutoff);
}
