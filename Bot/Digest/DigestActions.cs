using System.Globalization;
using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Digest;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Digest;

/// <summary>
/// What a leader does in the digest: answer an idea (the same server-side checks as everywhere; the digest comes back
/// updated in place), and turn the weekly digest off or on.
/// </summary>
public sealed class DigestActions(IdeaDecisions decisions, DigestBuilder builder, DigestRepository digests, TimeProvider clock)
{
    public async Task<AdaptiveCardInvokeResponse> DecideAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var t = Texts.ForLocale(activity.Locale);
        var data = CardData.Of(invoke);
        var (decided, refusal) = await decisions.DecideAsync(activity, data, ct);
        if (decided is null) return InvokeResponses.Message(refusal!);
        var now = clock.GetUtcNow();
        var since = DateTimeOffset.TryParse(CardData.String(data, "since"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : now - DigestCommands.Period;
        var view = await builder.ForPersonAsync(decided.TenantId, activity.From.AadObjectId, since, now, ct);
        var weekly = !await digests.IsOffAsync(decided.TenantId, activity.From.AadObjectId, ct);
        return view is null
            ? InvokeResponses.Message(t["idea.decided"])
            : InvokeResponses.Card(DigestCard.Build(view, t.Language, t["idea.decided"], weekly));
    }

    public async Task<AdaptiveCardInvokeResponse> SetCadenceAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var t = Texts.ForLocale(activity.Locale);
        var cadence = CardData.String(CardData.Of(invoke), "cadence");
        if (TeamsConversation.TenantId(activity) is not { Length: > 0 } tenantId || activity.From?.AadObjectId is not { Length: > 0 } person
            || cadence is not ("off" or "weekly"))
        {
            return InvokeResponses.Message(t["error.notAllowed"]);
        }
        await digests.SetOffAsync(tenantId, person, cadence == "off", ct);
        return InvokeResponses.Message(t[cadence == "off" ? "digest.off" : "digest.on"]);
    }
}
