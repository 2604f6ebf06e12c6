using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Delivery;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Ideas;

/// <summary>The team's channel (the one its leaders chose for the weekly question), and the idea's card posted there.</summary>
public sealed class IdeaChannel(TeamRepository teams, DeliveryRepository deliveries)
{
    public async Task<StoredConversation?> OfTeamAsync(string tenantId, string teamId, CancellationToken ct) =>
        await teams.GetAsync(tenantId, teamId, ct) is { } team ? TeamChannel.Of(team) : null;

    /// <summary>The activity id of the idea's card in the channel, once it was posted.</summary>
    public async Task<string?> PostedCardAsync(Idea idea, StoredConversation channel, CancellationToken ct) =>
        (await deliveries.GetAsync(idea.TenantId, IdeaJobs.PostJobId(idea.TenantId, idea.TeamId, idea.IdeaId), channel.ConversationId, ct))?.ActivityId;

    public static Language LanguageOf(StoredConversation conversation) => LanguageResolver.FromLocale(conversation.Locale);
}
