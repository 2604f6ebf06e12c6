using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Privacy;

namespace CareCompanion.Tests.Cards;

/// <summary>What the privacy cards and messages say, as the person reads them.</summary>
public sealed class PrivacyCardsTests
{
    [Theory]
    [InlineData(Language.Bokmal, "Slettet: rollene dine i 1 team og koblingen til 1 samtale med boten. Kommentarene dine, støtten din og navnet ditt er fjernet fra 1 idé. Ideen blir stående.")]
    [InlineData(Language.Nynorsk, "Sletta: rollene dine i 1 team og koplinga til 1 samtale med boten. Kommentarane dine, støtta di og namnet ditt er fjerna frå 1 idé. Ideen blir ståande.")]
    [InlineData(Language.English, "Deleted: your roles in 1 team and the link to 1 chat with the bot. Your comments, support and name are removed from 1 idea. The idea stays.")]
    public void After_deleting_one_of_each_the_message_counts_in_the_singular(Language language, string start) =>
        Assert.StartsWith(start, PrivacyCards.Deleted(language, 1, 1, 1));

    [Fact]
    public void After_deleting_several_the_message_counts_in_the_plural() =>
        Assert.StartsWith("Slettet: rollene dine i 2 team og koblingene til 2 samtaler med boten. Kommentarene dine, støtten din og navnet ditt er fjernet fra 3 ideer.",
            PrivacyCards.Deleted(Language.Bokmal, 2, 2, 3));
}
