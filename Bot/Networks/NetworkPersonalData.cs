using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Delivery;
using CareCompanion.Storage.Networks;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// What learning networks hold about a person of a tenant (for "mine data") and how it is forgotten ("slett mine data"):
/// their place among the tenant's network coordinators, the networks they coordinate, the practice cards they shared
/// (and the contact name they consented to), the status reports they wrote in or sent, and the takeaways they brought
/// home while the job that posts them is kept. The networks, cards and reports are the units' and stay, without the
/// person; the takeaway jobs are deleted. "We tried this too" is stored per team, never per person, so it holds nothing
/// about anyone.
/// </summary>
public sealed class NetworkPersonalData(NetworkRepository networks, NetworkReportRepository reports, PracticeRepository practices, JobRepository jobs,
    DeliveryRepository deliveries)
{
    public async Task<object> ExportAsync(string tenantId, string person, Texts t, CancellationToken ct)
    {
        var settings = await networks.SettingsAsync(tenantId, ct);
        return new
        {
            networkCoordinator = settings.Coordinators.Contains(person),
            networkSettingsLastChangedAt = settings.ChangedBy == person ? settings.ChangedAt : null,
            networksCoordinated = (await CoordinatedAsync(tenantId, person, ct)).Select(n => new { n.Name, n.Theme, n.Meetings, n.CreatedAt }),
            practiceCardsShared = (await SharedAsync(tenantId, person, ct))
                .Select(c => new { c.What, c.Why, c.Result, c.Lesson, c.Theme, c.Scope, team = c.TeamName, contactName = c.ContactName, c.SharedAt }),
            networkStatusReports = (await ReportsAsync(tenantId, person, ct)).Select(r => new
            {
                team = r.TeamName, r.Meeting, r.Tried, r.Happened, r.Next, r.HelpWanted, wroteInIt = r.Writers.Contains(person),
                sentIt = r.SentByAadObjectId == person, r.SentAt,
            }),
            takeawaysBroughtHome = (await TakeawaysAsync(tenantId, person, ct)).Select(j => (Job: j, Posted: NetworkJobs.TakeawaysKind.Read(j)))
                .Select(x => new { network = x.Posted.NetworkName, x.Posted.Takeaways, at = x.Job.DueAt }),
            practiceAdoptions = t["privacy.export.adoptions"],
        };
    }

    /// <summary>Takes the person off everything above; returns how many networks, cards, reports and takeaways held them.</summary>
    public async Task<int> ForgetAsync(string tenantId, string person, CancellationToken ct)
    {
        var forgotten = 0;
        var settings = await networks.SettingsAsync(tenantId, ct);
        if (settings.Coordinators.Contains(person) || settings.ChangedBy == person)
        {
            await networks.SaveSettingsAsync(settings with
            {
                Coordinators = [.. settings.Coordinators.Where(c => c != person)],
                ChangedBy = settings.ChangedBy == person ? null : settings.ChangedBy,
            }, ct);
        }
        foreach (var network in await CoordinatedAsync(tenantId, person, ct))
        {
            await networks.ChangeAsync(network.HostTenantId, network.NetworkId, current => current.CoordinatorAadObjectId != person ? null
                : current with { CoordinatorAadObjectId = null, CoordinatorUserId = null, CreatedIn = null }, ct);
            forgotten++;
        }
        foreach (var card in await SharedAsync(tenantId, person, ct))
        {
            await practices.ChangeAsync(card, current => current.SharedByAadObjectId != person ? null
                : current with { SharedByAadObjectId = null, ContactName = null }, ct);
            forgotten++;
        }
        foreach (var report in await ReportsAsync(tenantId, person, ct))
        {
            await reports.ChangeAsync(report, current => current with
            {
                Writers = [.. current.Writers.Where(w => w != person)],
                SentByAadObjectId = current.SentByAadObjectId == person ? null : current.SentByAadObjectId,
                SentByUserId = current.SentByAadObjectId == person ? null : current.SentByUserId,
            }, ct);
            forgotten++;
        }
        foreach (var job in await TakeawaysAsync(tenantId, person, ct))
        {
            // Posted already: the row and its delivery records go (the card in the channel stays, as every posted card does).
            if (await jobs.DeleteDoneAsync(job, ct)) await deliveries.DeleteForJobAsync(tenantId, job.JobId, ct);
            else await jobs.CancelAsync(job.JobId, ct);
            forgotten++;
        }
        return forgotten;
    }

    private async Task<IEnumerable<Network>> CoordinatedAsync(string tenantId, string person, CancellationToken ct) =>
        (await networks.ListHostedAsync(tenantId, ct)).Where(n => n.CoordinatorAadObjectId == person);

    private async Task<IEnumerable<PracticeCard>> SharedAsync(string tenantId, string person, CancellationToken ct) =>
        (await practices.ListAllAsync(ct)).Where(c => c.TenantId == tenantId && c.SharedByAadObjectId == person);

    private async Task<IEnumerable<NetworkReport>> ReportsAsync(string tenantId, string person, CancellationToken ct) =>
        (await reports.ListOfTenantAsync(tenantId, ct)).Where(r => r.Writers.Contains(person) || r.SentByAadObjectId == person);

    private async Task<IEnumerable<ScheduledJob>> TakeawaysAsync(string tenantId, string person, CancellationToken ct) =>
        (await jobs.ListKindAsync(tenantId, NetworkJobs.TakeawaysKind.Name, ct)).Where(j => NetworkJobs.TakeawaysKind.Read(j).AuthorAadObjectId == person);
}
