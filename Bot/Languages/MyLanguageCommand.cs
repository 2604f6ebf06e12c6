using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Languages;
using CareCompanion.Cards.Localization;

namespace CareCompanion.Bot.Languages;

/// <summary>
/// "språk nynorsk" / "språk bokmål" / "language english": the language the bot writes to this person in, from now on and
/// everywhere (replies, their personal chat, dialogs), whatever their Teams client's language.
/// </summary>
public sealed class MyLanguageCommand(PersonLanguages languages)
{
    public async Task<Reply> ChooseAsync(Turn turn, Language language, CancellationToken ct)
    {
        await languages.ChooseAsync(turn.TenantId!, turn.PersonId!, language, ct);
        var t = Texts.For(language);
        return Reply.Text(t.Format("language.me.chosen", TeamLanguageCard.NameOf(t, language)));
    }
}
