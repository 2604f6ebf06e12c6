using System.Text.Json;
using CareCompanion.Bot.Languages;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;
using Microsoft.Bot.Builder;

namespace CareCompanion.Bot.Broadcast;

/// <summary>
/// A short announcement to every active conversation of a tenant (optionally one scope): in a team's channel in the
/// team's language, in a personal chat in the person's (the one they chose, else their Teams client's), elsewhere in
/// the chat's. Used by administrators for service notices, and by the delivery benchmark.
/// Payload: {"scope": "personal"|"channel"|null, "text": {"nb": "...", "nn": "...", "en": "..."}}.
/// </summary>
public sealed class BroadcastJob(ConversationRepository conversations, TeamRepository teams, PersonLanguages people) : IJobHandler
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
        var teamLanguages = new Dictionary<string, Language>();
        var planned = new List<PlannedMessage>();
        foreach (var target in targets.Where(c => c.Active && (payload.Scope is null || c.Scope == payload.Scope)))
        {
            planned.Add(new PlannedMessage(target, MessageFactory.Text(TextFor(payload, await LanguageOfAsync(target, teamLanguages, ct)))));
        }
        return planned;
    }

    private async Task<Language> LanguageOfAsync(StoredConversation target, Dictionary<string, Language> teamLanguages, CancellationToken ct)
    {
        if (target is { Scope: ConversationScope.Personal, UserAadObjectId: { } person }) return await people.OfAsync(target.TenantId, person, target.Locale, ct);
        if (target is not { Scope: ConversationScope.Channel, TeamId: { } teamId }) return LanguageResolver.FromLocale(target.Locale);
        if (teamLanguages.TryGetValue(teamId, out var known)) return known;
        return teamLanguages[teamId] = await teams.GetAsync(target.TenantId, teamId, ct) is { } team
            ? TeamChannel.LanguageOf(team)
            : LanguageResolver.FromLocale(target.Locale);
    }

    private static string TextFor(Payload payload, Language language) =>
        payload.Text.TryGetValue(language.Code(), out var text) ? text : payload.Text.Values.First();

    private sealed record Payload(string? Scope, IReadOnlyDictionary<string, string> Text);
}
