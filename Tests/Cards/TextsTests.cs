using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Cards;

public sealed class TextsTests
{
    [Fact]
    public void Nynorsk_and_English_have_every_text_bokmal_has_and_none_is_empty()
    {
        var bokmal = Texts.For(Language.Bokmal).Keys.Order().ToList();
        foreach (var language in new[] { Language.Nynorsk, Language.English })
        {
            var texts = Texts.For(language);
            Assert.Equal(bokmal, texts.Keys.Order().ToList());
            Assert.All(bokmal, key => Assert.False(string.IsNullOrWhiteSpace(texts[key]), $"{language}: {key}"));
        }
    }

    [Fact]
    public void Every_text_has_the_same_placeholders_in_all_three_languages_and_a_singular_form_has_its_plurals()
    {
        var bokmal = Texts.For(Language.Bokmal);
        foreach (var key in bokmal.Keys)
        {
            var expected = Placeholders(bokmal[key]);
            foreach (var language in Enum.GetValues<Language>())
            {
                Assert.True(expected.SetEquals(Placeholders(Texts.For(language)[key])), $"{language}: {key} has other placeholders than bokmål");
            }
            if (key.EndsWith(Texts.SingularSuffix))
            {
                var plural = key[..^Texts.SingularSuffix.Length];
                Assert.True(bokmal.Has(plural), $"{key} has no plural text");
                Assert.True(expected.SetEquals(Placeholders(bokmal[plural])), $"{key} and {plural} have other placeholders");
            }
        }
    }

    // The plurals a count of one must not be followed by (nb, nn, en).
    private static readonly Regex OneWithPlural = new(
        @"(?<![\d,.])\b1 (dager|dagar|days|kommentarer|kommentarar|comments|innsjekker|innsjekkar|check-ins|answers|supporters|roller|samtaler|samtalar|chats|ideer|idear|ideas|teams|goals)\b");

    [Theory]
    [InlineData(Language.Bokmal)]
    [InlineData(Language.Nynorsk)]
    [InlineData(Language.English)]
    public void A_count_of_one_reads_in_the_singular(Language language)
    {
        var t = Texts.For(language);
        var counted = 0;
        foreach (var key in t.Keys.Where(k => !k.EndsWith(Texts.SingularSuffix)))
        {
            var placeholders = Placeholders(t[key]);
            if (placeholders.Count == 0) continue;
            var ones = Enumerable.Repeat<object>(1, placeholders.Max() + 1).ToArray();
            var twos = Enumerable.Repeat<object>(2, placeholders.Max() + 1).ToArray();

            Assert.DoesNotMatch(OneWithPlural, t.Format(key, ones));
            if (OneWithPlural.IsMatch(t.Format(key, twos).Replace("2 ", "1 "))) counted++;
        }
        Assert.True(counted >= 10, $"only {counted} texts count days, comments, answers …: is the list of plurals still right?");
    }

    [Theory]
    [InlineData(Language.Bokmal, 1, "Frist 11.12.2026 · 1 dag igjen", "Siste: I fare · 1 innsjekk")]
    [InlineData(Language.Bokmal, 3, "Frist 11.12.2026 · 3 dager igjen", "Siste: I fare · 3 innsjekker")]
    [InlineData(Language.Nynorsk, 1, "Frist 11.12.2026 · 1 dag att", "Siste: I fare · 1 innsjekk")]
    [InlineData(Language.Nynorsk, 3, "Frist 11.12.2026 · 3 dagar att", "Siste: I fare · 3 innsjekkar")]
    [InlineData(Language.English, 1, "Deadline 11.12.2026 · 1 day left", "Latest: At risk · 1 check-in")]
    [InlineData(Language.English, 3, "Deadline 11.12.2026 · 3 days left", "Latest: At risk · 3 check-ins")]
    public void The_singular_is_chosen_by_the_count_not_by_the_first_argument(Language language, int count, string daysLeft, string checkIns)
    {
        var t = Texts.For(language);

        Assert.Equal(daysLeft, t.Format("goal.card.daysLeft", "11.12.2026", count));
        Assert.Equal(checkIns, t.Format("goal.list.latest", t["goal.status.atrisk"], count));
    }

    // Bokmål forms a nynorsk reader trips over, the usual slips when nynorsk is written from a bokmål draft.
    private static readonly HashSet<string> BokmalForms = new(StringComparer.OrdinalIgnoreCase)
    {
        "ikke", "hva", "hvordan", "hvorfor", "hvem", "hvor", "hvilken", "hvilket", "hvilke", "jeg", "bare", "mye", "noen", "noe",
        "ennå", "uke", "uka", "ukens", "hver", "hvert", "fra", "være", "vært", "gjøre", "gjør", "mulig", "sammen", "uten", "navn",
        "bedre", "dere", "hverdag", "hverdagen", "leder", "lederen", "ledere", "veileder", "veilederen", "veiledere", "ansatte",
        "tillitsvalgt", "tillitsvalgte", "verneombud", "svarene", "ideer", "ideene", "idéer", "idéene", "lagret", "slettet",
        "kommer", "trenger", "siden", "ble", "vert", "svarar",
    };

    private static IEnumerable<(string Where, string Text)> NynorskTexts()
    {
        var texts = Texts.For(Language.Nynorsk);
        foreach (var key in texts.Keys) yield return ($"nn.json {key}", texts[key]);
        foreach (var question in QuestionLibrary.IncludingRetired) // retired ones are still shown with old results
        {
            var nn = question.Nynorsk;
            foreach (var text in new[] { nn.Text, nn.Low, nn.High }.OfType<string>()) yield return ($"questions.json {question.Id}", text);
        }
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "Manifest", "nn-NO.json")))!.AsObject();
        foreach (var (key, value) in manifest)
        {
            if (key != "$schema") yield return ($"nn-NO.json {key}", value!.GetValue<string>());
        }
    }

    private static IEnumerable<string> BokmalFormsIn(string text) =>
        Regex.Matches(text, @"\p{L}+").Select(m => m.Value).Where(BokmalForms.Contains);

    [Fact]
    public void Nynorsk_texts_questions_and_manifest_use_no_bokmal_forms()
    {
        var slips = NynorskTexts().SelectMany(t => BokmalFormsIn(t.Text).Select(word => $"{t.Where}: «{word}» in «{t.Text}»")).ToList();

        Assert.True(slips.Count == 0, string.Join("\n", slips));
    }

    [Fact]
    public void The_bokmal_check_finds_bokmal_so_it_can_fail()
    {
        var bokmal = Texts.For(Language.Bokmal);
        var found = bokmal.Keys.SelectMany(k => BokmalFormsIn(bokmal[k])).Distinct(StringComparer.OrdinalIgnoreCase).Count();

        Assert.True(found >= 20, $"the list finds only {found} different bokmål forms in nb.json");
        Assert.Equal(["Hvordan", "ikke", "hva", "ideer"], BokmalFormsIn("Hvordan kan vi ikke gjere hva vi vil med ideer og idear?"));
    }

    private static HashSet<int> Placeholders(string text) =>
        [.. Regex.Matches(text, @"\{(\d+)(?:[,:][^}]*)?\}").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Theory]
    [InlineData("nb-NO", Language.Bokmal)]
    [InlineData("no", Language.Bokmal)]
    [InlineData("nn-no", Language.Nynorsk)]
    [InlineData("en-GB", Language.English)]
    [InlineData("de-DE", Language.Bokmal)]
    [InlineData(null, Language.Bokmal)]
    public void Locales_map_to_the_language_people_read(string? locale, Language expected) =>
        Assert.Equal(expected, LanguageResolver.FromLocale(locale));
}
