using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Privacy;
using CareCompanion.Tests.Support;

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

    [Theory]
    [InlineData(Language.Bokmal, "Roller\nLeder, Tillitsvalgt\nPersonlige samtaler med boten\n2 (1 der appen er fjernet)\n")]
    [InlineData(Language.Nynorsk, "Roller\nLeiar, Tillitsvald\nPersonlege samtalar med boten\n2 (1 der appen er fjerna)\n")]
    [InlineData(Language.English, "Roles\nLeader, Union representative\nPersonal chats with the bot\n2 (1 where the app was removed)\n")]
    public void My_data_names_roles_in_my_language_and_counts_chats_instead_of_showing_codes_and_ids(Language language, string expected)
    {
        var text = CardContent.Text(PrivacyCards.Export(language, ["leader", "tillitsvalgt"], 2, 1, "{}"));

        Assert.Contains(expected, text);
        Assert.DoesNotContain("leader", text);
    }

    [Fact]
    public void The_delete_dialog_says_what_goes_what_stays_without_my_name_and_what_does_not_change()
    {
        var blocks = CardContent.Text(PrivacyCards.ConfirmDelete(Language.Bokmal, "00000000-0000-0000-0000-000000000001")).Split('\n');

        Assert.Equal("Slette dataene dine?", blocks[0]);
        Assert.StartsWith("**Blir slettet:** rollene dine, plassen din i HMS-gruppa, kommentarene dine, støtten din til ideer", blocks[1]);
        Assert.StartsWith("**Blir stående uten navnet ditt:** ideer, mål, innsjekker, beslutninger og innspill i forbedringssirkelen", blocks[2]);
        Assert.StartsWith("**Blir ikke endret:** kort som alt står i kanalene", blocks[3]);
        Assert.Contains("svarene dine på ukens spørsmål og stemmene dine i forbedringssirkelen (lagret uten navn)", blocks[3]);
        Assert.Equal("Du kan ikke angre.", blocks[4]);
        Assert.DoesNotContain(blocks, b => b.Contains("kan ikke knyttes til deg"));
    }
}
