using System.Text;
using System.Text.Json.Nodes;
using CareCompanion.Tests.Cards;
using CareCompanion.Cards.Json;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Cards;

public sealed class CardCatalogTests
{
    // Teams' strictest path for a bot message with a card (README, Design notes: platform limits).
    private const int TeamsCardLimitBytes = 28 * 1024;

    [Fact]
    public async Task Every_card_the_bot_can_send_passes_Microsofts_adaptivecards_library_and_renders()
    {
        var cards = CardCatalog.All().ToList();

        var results = await CardValidator.ValidateAsync(cards);

        Assert.Equal(cards.Select(c => c.Name).Order(), results.Keys.Order());
        Assert.All(results, r =>
        {
            Assert.True(r.Value.Errors.Length == 0, $"{r.Key}: {string.Join("; ", r.Value.Errors)}");
            Assert.True(r.Value.Warnings.Length == 0, $"{r.Key}: {string.Join("; ", r.Value.Warnings)}");
            Assert.True(File.Exists(Path.Combine(RepoPaths.Results("cards"), r.Key + ".png")), $"{r.Key}.png was not rendered");
            Assert.True(File.Exists(Path.Combine(RepoPaths.Results("cards"), "phone", r.Key + ".png")), $"phone/{r.Key}.png was not rendered");
            // Our texts wrap at a phone's 360 px rather than run off the card (a markdown list did: its indent came on top of the full width).
            var cut = r.Value.Shown.Phone.Where(s => s.Kind == "textBlock" && s.Cut).Select(s => s.Text);
            Assert.True(!cut.Any(), $"phone/{r.Key}: cut off at the card's edge: {string.Join(" | ", cut)}");
        });
    }

    [Fact]
    public async Task Our_own_bold_words_show_bold_without_asterisks_on_desktop_and_phone()
    {
        var digest = CardCatalog.All().Single(c => c.Name == "digest.nb");

        var shown = (await CardValidator.ValidateAsync([digest]))["digest.nb"].Shown;

        Assert.All(new[] { shown.Desktop, shown.Phone }, texts =>
        {
            var help = Assert.Single(texts, t => t.Text.StartsWith("Skriv sammendrag for"));
            Assert.Contains("<strong>sammendrag</strong>", help.Html);
            Assert.DoesNotContain(texts, t => t.Text.Contains("**"));
        });
    }

    [Fact]
    public async Task The_validator_catches_a_broken_card()
    {
        var broken = AdaptiveCardJson.Card([new JsonObject { ["type"] = "TextBlok", ["text"] = "x" }, new JsonObject { ["type"] = "Input.Text" }]);

        var results = await CardValidator.ValidateAsync([("broken-on-purpose", broken)]);

        Assert.NotEmpty(results["broken-on-purpose"].Errors);
        Assert.NotEmpty(results["broken-on-purpose"].Warnings);
    }

    [Fact]
    public void Every_card_is_Adaptive_Card_1_5_and_under_the_Teams_size_limit()
    {
        // The bytes the bot sends (CardMessage writes ToJsonString as it is), largest first in TestResults/cards/sizes.txt.
        var sizes = CardCatalog.All().Select(c => (c.Name, c.Card, Bytes: Encoding.UTF8.GetByteCount(c.Card.ToJsonString())))
            .OrderByDescending(c => c.Bytes).ToList();
        File.WriteAllLines(Path.Combine(RepoPaths.Results("cards"), "sizes.txt"), sizes.Select(c => $"{c.Bytes,7} {c.Name}"));

        Assert.All(sizes, c =>
        {
            Assert.Equal("1.5", c.Card["version"]!.GetValue<string>());
            Assert.True(c.Bytes < TeamsCardLimitBytes, $"{c.Name} is too large: {c.Bytes} bytes");
        });
    }
}
