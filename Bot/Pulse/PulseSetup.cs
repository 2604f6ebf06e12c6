using CareCompanion.Bot.Installation;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// When the bot joins a team, the team gets the default pulse (Monday 10:00 Europe/Oslo, all themes, open five days,
/// results from five answers) in the channel it was installed in, and its first round is scheduled. Removed from the
/// team, the pulse stops; installed again, it goes on with the team's settings where it was installed now.
/// </summary>
public sealed class PulseSetup(PulseRepository pulse, JobRepository jobs, PulseNextRound nextRound, TimeProvider clock) : IInstallationListener
{
    public async Task OnInstalledAsync(Installed installed, CancellationToken ct)
    {
        if (installed.Team is not { } team) return;
        PulseSettings? settings = new PulseSettings { TenantId = team.TenantId, TeamId = team.TeamId };
        var resumed = false;
        if (!await pulse.AddSettingsAsync(settings, ct))
        {
            settings = await pulse.UpdateSettingsAsync(team.TenantId, team.TeamId, current =>
            {
                resumed = !current.Enabled;
                return resumed ? current with { Enabled = true } : null;
            }, ct);
            if (!resumed || settings is null) return;
        }
        await jobs.ScheduleAsync(await nextRound.FindAsync(settings, team, clock.GetUtcNow(), ct), ct);
    }

    /// <summary>The post job posts nothing for a team whose pulse is off, and schedules no next round: the weekly chain ends.</summary>
    public Task OnRemovedFromTeamAsync(string tenantId, string teamId, CancellationToken ct) =>
        pulse.UpdateSettingsAsync(tenantId, teamId, current => current.Enabled ? current with { Enabled = false } : null, ct);
}
