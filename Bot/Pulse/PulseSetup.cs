using CareCompanion.Bot.Installation;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// When the bot joins a team, the team gets the default pulse (Monday 10:00 Europe/Oslo, all themes, open five days,
/// results from five answers) in the channel it was installed in, and its first round is scheduled.
/// </summary>
public sealed class PulseSetup(PulseRepository pulse, JobRepository jobs, PulseNextRound nextRound, TimeProvider clock) : IInstallationListener
{
    public async Task OnInstalledAsync(Installed installed, CancellationToken ct)
    {
        if (installed.Team is not { } team) return;
        var settings = new PulseSettings { TenantId = team.TenantId, TeamId = team.TeamId };
        if (await pulse.AddSettingsAsync(settings, ct))
        {
            await jobs.ScheduleAsync(await nextRound.FindAsync(settings, team, clock.GetUtcNow(), ct), ct);
        }
    }
}
