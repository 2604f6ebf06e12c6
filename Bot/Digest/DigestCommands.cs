using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Digest;
using CareCompanion.Storage.Roles;
using Microsoft.Bot.Builder;

namespace CareCompanion.Bot.Digest;

/// <summary>
/// "sammendrag" / "digest": this week's digest now, for leaders and partner roles. "lederkanal" / "leaders channel",
/// typed by a leader in a channel: that channel gets the digest for leaders who cannot be reached in a personal chat.
/// </summary>
public sealed class DigestCommands(DigestBuilder builder, DigestRepository digests, TeamRoles roles, TimeProvider clock)
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);

    public async Task ShowAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var t = Texts.ForLocale(activity.Locale);
        var tenantId = TeamsConversation.TenantId(activity);
        var person = activity.From?.AadObjectId;
        var now = clock.GetUtcNow();
        var view = string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(person) ? null : await builder.ForPersonAsync(tenantId, person, now - Period, now, ct);
        if (view is null)
        {
            await turnContext.SendActivityAsync(t["digest.rolesOnly"], cancellationToken: ct);
            return;
        }
        var weekly = !await digests.IsOffAsync(tenantId!, person!, ct);
        await turnContext.SendActivityAsync(CardMessage.From(DigestCard.Build(view, t.Language, weekly: weekly)), ct);
    }

    public async Task SetLeadersChannelAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var (caller, refusal) = await roles.RequireAsync(turnContext.Activity, Role.Leaders, "settings.leadersOnly", ct);
        if (caller is not null && TeamsConversation.ToStored(turnContext.Activity) is { } channel)
        {
            await digests.SetLeadersChannelAsync(caller.TenantId, caller.TeamId, channel, ct);
        }
        await turnContext.SendActivityAsync(refusal ?? Texts.ForLocale(turnContext.Activity.Locale)["digest.leadersChannel"], cancellationToken: ct);
    }
}
