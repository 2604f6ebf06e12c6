using CareCompanion.Bot.Languages;
using CareCompanion.Cards.Localization;
using Microsoft.Bot.Builder;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// The language every answer to an activity is in, whichever answers it: its route, "I did not understand", a storage
/// fault or the adapter's last resort. The person's own (<see cref="PersonLanguages.OfAsync"/>), found once per
/// activity and kept with it.
/// </summary>
public sealed class ActivityLanguage(PersonLanguages languages)
{
    private const string Key = "CareCompanion.Texts";

    public async Task<Texts> TextsAsync(ITurnContext context, CancellationToken ct)
    {
        if (context.TurnState.Get<Texts>(Key) is { } known) return known;
        var activity = context.Activity;
        Texts texts;
        try
        {
            texts = Texts.For(await languages.OfAsync(TeamsConversation.TenantId(activity), activity.From?.AadObjectId, activity.Locale, ct));
        }
        catch (Exception e) when (TransientFault.Is(e, ct))
        {
            texts = Texts.ForLocale(activity.Locale); // storage is down and the person unknown here: the fault reply must still come
        }
        context.TurnState.Set(Key, texts);
        return texts;
    }
}
