using CareCompanion.Cards.Localization;

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
