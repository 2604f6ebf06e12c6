using System.Text.Json;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Scheduling;
using Microsoft.Bot.Builder;

namespace CareCompanion.Bot.Broadcast;

/// <summary>
/// A short announcement to every active conversation of a tenant (optionally one scope), in each conversation's
/// language. Used by administrators for service notices, and by the delivery benchmark.
/// Payload: {"scope": "personal"|"channel"|null, "text": {"nb": "...", "nn": "...", "en": "..."}}.
/// </summary>
public sealed class BroadcastJob(ConversationRepository conversations) : IJobHandler
{
    public const string JobKind = "broadcast";

    public string Kind => JobKind;

    public static ScheduledJob Create(string jobId, string tenantId, DateTimeOffset dueAt, IReadOnlyDictionary<string, string> textByLanguage, string? scope = null) => new()
    {
        JobId = jobId,
        Kind = JobKind,
        TenantId = tenantId,
        DueAt = dueAt,
        Payload = JsonSerializer.Serialize(new Payload(scope, textByLanguage)),
    };

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload)!;
        var targets = await conversations.ListForTenantAsync(job.TenantId, ct);
        return targets
            .Where(c => c.Active && (payload.Scope is null || c.Scope == payload.Scope))
            .Select(c => new PlannedMessage(c, MessageFactory.Text(TextFor(payload, c.Locale))))
            .ToList();
    }

    private static string TextFor(Payload payload, string? locale) =>
        payload.Text.TryGetValue(LanguageResolver.FromLocale(locale).Code(), out var text) ? text : payload.Text.Values.First();

    private sealed record Payload(string? Scope, IReadOnlyDictionary<string, string> Text);
}
