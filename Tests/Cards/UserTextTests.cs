using System.Text.RegularExpressions;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Cards;

public sealed partial class UserTextTests
{
    [Fact]
    public async Task What_people_write_shows_exactly_as_written_on_desktop_and_on_phones()
    {
        var cards = UserTextCards.All().ToList();

        var rendered = await CardValidator.ValidateAsync(cards.Select(c => (c.Name, c.Card)));

        var wrong = new List<string>();
        foreach (var card in cards)
        {
            var result = rendered[card.Name];
            wrong.AddRange(result.Errors.Concat(result.Warnings).Select(p => $"{card.Name}: {p}"));
            wrong.AddRange(card.Written.SelectMany(text => Mismatches(card.Name, "desktop", result.Shown.Desktop, text)));
            wrong.AddRange(card.Written.SelectMany(text => Mismatches(card.Name, "phone", result.Shown.Phone, text)));
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} texts do not show as written:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public async Task Right_to_left_names_and_words_leave_our_words_dates_and_numbers_in_place()
    {
        var cards = UserTextCards.RightToLeft().ToList();

        var rendered = await CardValidator.ValidateAsync(cards.Select(c => (c.Name, c.Card)));

        var wrong = new List<string>();
        foreach (var card in cards)
        {
            var shown = rendered[card.Name].Shown;
            foreach (var (layout, texts) in new[] { ("desktop", shown.Desktop), ("phone", shown.Phone) })
            {
                var onScreen = texts.Select(t => t.Visual).OfType<string>().ToList();
                wrong.AddRange(card.Seen.Where(line => !onScreen.Any(v => v.Contains(line)))
                    .Select(line => $"{card.Name} ({layout}): «{line}» is not on screen; its right-to-left lines read «{string.Join("» «", onScreen)}»"));
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>
    /// Every text on the card that holds the place's marker (or, for ordinary text, the text itself) must hold the whole text as written (no backslashes, nothing
    /// left out) and be rendered without any formatting (no bold, italics, link, list or heading made from it).
    /// </summary>
    private static IEnumerable<string> Mismatches(string card, string layout, ShownText[] shown, string written)
    {
        var marked = Marker().Match(written);
        var marker = marked.Success ? marked.Value : written;
        var showing = shown.Where(s => s.Text.Contains(marker)).ToList();
        if (showing.Count == 0) yield return $"{card} ({layout}): {marker} is not shown at all";
        foreach (var s in showing.Where(s => !s.Text.Contains(written) || Formatting().IsMatch(s.Html)))
        {
            yield return $"{card} ({layout}): {marker} shows as «{s.Text}», rendered {s.Kind} {s.Html}";
        }
    }

    [GeneratedRegex("§[^§]+§")]
    private static partial Regex Marker();

    [GeneratedRegex(@"<(strong|em|b|i|a|ol|ul|li|h[1-6]|code|pre|del|s|blockquote|img)[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex Formatting();
}
