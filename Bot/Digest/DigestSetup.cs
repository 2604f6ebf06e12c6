using CareCompanion.Bot.Installation;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Digest;

/// <summary>Installing the app in a team makes sure the tenant's weekly digest is scheduled (one job per week, whoever installs).</summary>
public sealed class DigestSetup(JobRepository jobs, TimeProvider clock) : IInstallationListener
{
    public const string DefaultTimeZone = "Europe/Oslo";

    public Task OnInstalledAsync(StoredConversation conversation, Installer installer, CancellationToken ct) =>
        conversation.Scope == ConversationScope.Channel
            ? jobs.ScheduleAsync(DigestJobs.Weekly(conversation.TenantId, DefaultTimeZone, clock.GetUtcNow()), ct)
            : Task.CompletedTask;
}
