using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CareCompanion.Bot.Goals;
using CareCompanion.Bot.Hms;
using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Languages;
using CareCompanion.Bot.Networks;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Privacy;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Delivery;
using CareCompanion.Storage.Digest;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.People;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Privacy;

/// <summary>
/// The person's GDPR rights: "mine data" / "my data" shows everything stored about them; "slett mine data" /
/// "delete my data" deletes it after a confirmation. Always about the caller (their signed tenant and Entra id),
/// never about anyone a card names. Pulse answers carry no name, and a closed round's answers cannot be linked to anyone, so they are neither shown nor deleted.
/// </summary>
public sealed class PrivacyRequests(ConversationRepository conversations, RoleRepository roles, IdeaRepository ideas, DigestRepository digests,
    GoalRepository goals, DeliveryRepository deliveries, PersonSettingsRepository personSettings, PersonLanguages languages, HmsRepository hmsGroups,
    CircleRepository circles, NetworkPersonalData networkData)
{
    public async Task<Reply> ExportAsync(Turn turn, CancellationToken ct)
    {
        var (tenantId, aad) = (turn.TenantId!, turn.PersonId!);
        var held = await roles.ListForPersonAsync(tenantId, aad, ct);
        var chats = await conversations.ListPersonalAsync(tenantId, aad, ct);
        var tenantIdeas = await ideas.ListTenantAsync(tenantId, ct);
        var t = turn.T;
        var json = JsonSerializer.Serialize(new
        {
            tenantId,
            entraObjectId = aad,
            roles = held.Select(r => new { team = r.PartitionKey[(r.PartitionKey.IndexOf('|') + 1)..], roles = r.Holder.Roles.Order(), leaderSince = r.Holder.LeaderSince }),
            personalChats = chats.Select(c => new { c.ConversationId, c.UserId, c.Locale, c.Active, c.InstalledAt, c.RemovedAt }),
            ideas = IdeaPersonalData.Export(tenantIdeas, aad),
            goals = GoalPersonalData.Export(await goals.ListTenantAsync(tenantId, ct), aad),
            hms = HmsPersonalData.Export(await hmsGroups.ListTenantAsync(tenantId, ct), await circles.ListTenantAsync(tenantId, ct), aad),
            learningNetworks = await networkData.ExportAsync(tenantId, aad, t, ct),
            weeklyDigest = t[await digests.IsOffAsync(tenantId, aad, ct) ? "privacy.export.digestOff" : "privacy.export.digestOn"],
            language = await personSettings.GetLanguageAsync(tenantId, aad, ct) ?? t["privacy.export.languageNotChosen"],
            weeklyQuestionInMyChat = t["privacy.export.pulsePrompts." + await personSettings.GetPulsePromptsAsync(tenantId, aad, ct)],
            pulseAnswers = t["privacy.export.pulse"],
        }, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
        return Reply.Card(PrivacyCards.Export(turn.Language, [.. held.SelectMany(r => r.Holder.Roles).Distinct().Order()], chats.Count, chats.Count(c => !c.Active),
            json));
    }

    public Task<Reply> AskToDeleteAsync(Turn turn, CancellationToken ct) => Task.FromResult(Reply.Card(PrivacyCards.ConfirmDelete(turn.Language, turn.PersonId!)));

    public async Task<Reply> DeleteAsync(Turn turn, CancellationToken ct)
    {
        var (tenantId, aad) = (turn.TenantId!, turn.PersonId!);
        // The confirmation may have been seen by others (an old card in a channel): it acts only for whoever asked.
        if (turn.Payload<PrivacyDeletePayload>()?.For != aad) return Reply.Text(turn.T["privacy.notYours"]);
        var held = await roles.ListForPersonAsync(tenantId, aad, ct);
        foreach (var (partitionKey, _) in held) await roles.DeleteAsync(partitionKey, aad, ct);
        var chats = await conversations.ListPersonalAsync(tenantId, aad, ct);
        await deliveries.DeleteForConversationsAsync(tenantId, [.. chats.Select(c => c.ConversationId)], ct);
        foreach (var chat in chats) await conversations.DeleteAsync(tenantId, chat.ConversationId, ct);
        await conversations.ForgetPersonalChatAsync(tenantId, aad, ct);
        await digests.DeletePersonAsync(tenantId, aad, ct);
        await languages.ForgetAsync(tenantId, aad, ct);
        var forgotten = 0;
        foreach (var idea in await ideas.ListTenantAsync(tenantId, ct))
        {
            if (IdeaPersonalData.Forget(idea, aad) is null) continue;
            await ideas.ChangeAsync(tenantId, idea.TeamId, idea.IdeaId, current => IdeaPersonalData.Forget(current, aad), ct);
            forgotten++;
        }
        foreach (var goal in await goals.ListTenantAsync(tenantId, ct))
        {
            if (GoalPersonalData.Forget(goal, aad) is not null) await goals.ChangeAsync(tenantId, goal.TeamId, goal.GoalId, current => GoalPersonalData.Forget(current, aad), ct);
        }
        foreach (var group in await hmsGroups.ListTenantAsync(tenantId, ct))
        {
            if (HmsPersonalData.Forget(group, aad) is not null) await hmsGroups.ChangeAsync(tenantId, group.TeamId, current => HmsPersonalData.Forget(current, aad), ct);
        }
        foreach (var circle in await circles.ListTenantAsync(tenantId, ct))
        {
            if (HmsPersonalData.Forget(circle, aad) is not null) await circles.ChangeAsync(tenantId, circle.TeamId, circle.CircleId, current => HmsPersonalData.Forget(current, aad), ct);
        }
        await networkData.ForgetAsync(tenantId, aad, ct);
        return Reply.Text(PrivacyCards.Deleted(turn.Language, held.Count, chats.Count, forgotten));
    }
}
