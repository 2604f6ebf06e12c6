using CareCompanion.Bot.Installation;
using CareCompanion.Storage.Teams;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Digest;

/// <summary>Installing the app in a team makes sure the tenant's weekly digest is scheduled (one job per week, whoever installs).</summary>
public sealed class DigestSetup(JobRepository jobs, TimeProvider clock) : IInstallationListener
{
    public Task OnInstalledAsync(Installed installed, CancellationToken ct) =>
        installed.Team is { } team ? jobs.ScheduleAsync(DigestJobs.Weekly(team.TenantId, Team.DefaultTimeZone, clock.GetUtcNow()), ct) : Task.CompletedTask;
}
