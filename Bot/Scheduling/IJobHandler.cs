using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Scheduling;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Scheduling;

/// <summary>One message a job wants sent to one conversation, or an earlier one to update in place.</summary>
public sealed record PlannedMessage(StoredConversation To, IMessageActivity Activity, string? ReplaceActivityId = null);

/// <summary>
/// What a job kind does when it is due: work out who gets what. Sending is the delivery queue's business.
/// Planning must be repeatable: after a crash the same job may be planned again, and the per-recipient delivery
/// state makes sure nobody gets it twice.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct);
}
