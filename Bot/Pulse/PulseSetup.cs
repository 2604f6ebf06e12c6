using CareCompanion.Bot.Installation;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// When the bot joins a team, the team gets the default pulse (Monday 10:00 Europe/Oslo, all themes, open five days,
/// results from five answers) in the channel it was installed in, and its first round is scheduled.
/// </summary>
public sealed class PulseSetup(PulseRepository pulse, JobRepository jobs, TimeProvider clock) : IInstallationListener
{
    public async Task OnInstalledAsync(StoredConversation conversation, Installer installer, CancellationToken ct)
    {
        if (conversation.Scope != ConversationScope.Channel || conversation.TeamId is null) return;
        var settings = new PulseSettings
        {
            TenantId = conversation.TenantId,
            TeamId = conversation.TeamId,
            ConversationId = conversation.ConversationId,
            ServiceUrl = conversation.ServiceUrl,
            BotId = conversation.BotId,
            Locale = conversation.Locale,
        };
        if (await pulse.AddSettingsAsync(settings, ct))
        {
            await jobs.ScheduleAsync(PulseJobs.Post(settings, PulseCalendar.NextSlot(settings, clock.GetUtcNow())), ct);
        }
    }
}
