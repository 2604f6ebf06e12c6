using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Cards;

/// <summary>What the weekly question and its results say, as staff and leaders read them.</summary>
public sealed class PulseCardsTests
{
    private static readonly PulseRoundView Round = new("20261207-R1", "19:team@thread.tacv2", "fredag 11. desember kl. 10:00");

    [Theory]
    [InlineData(Language.Bokmal, "Har du ikke jobbet denne uka? Hopp over.")]
    [InlineData(Language.Nynorsk, "Har du ikkje jobba denne veka? Hopp over.")]
    [InlineData(Language.English, "Didn't work this week? Skip it.")]
    public void Every_question_card_tells_those_who_did_not_work_this_week_to_skip_it(Language language, string skip)
    {
        foreach (var question in new[] { "R1", "R2", "A8" }.Select(id => QuestionLibrary.Find(id)!))
        {
            Assert.Contains(skip, CardContent.Text(PulseCards.Question(question, language, Round)));
        }
    }

    [Fact]
    public void A_card_that_takes_a_comment_says_who_reads_it_and_one_without_does_not_promise_more()
    {
        const string readers = "Ledere og veiledere i teamet kan lese det du skriver, uten navn, når nok har svart.";
        var withComment = CardContent.Text(PulseCards.Question(QuestionLibrary.Find("R1")!, Language.Bokmal, Round));
        var text = CardContent.Text(PulseCards.Question(QuestionLibrary.Find("R2")!, Language.Bokmal, Round));
        var scaleOnly = CardContent.Text(PulseCards.Question(QuestionLibrary.Find("R4")!, Language.Bokmal, Round));

        Assert.Contains("Svaret ditt lagres uten navn, og appen viser ingen hvem som svarte hva. " + readers, withComment);
        Assert.Contains(readers, text);
        Assert.Contains("Svaret ditt lagres uten navn, og appen viser ingen hvem som svarte hva. Du kan svare til fredag", scaleOnly);
        Assert.DoesNotContain(readers, scaleOnly);
        Assert.DoesNotContain("anonym", withComment + text + scaleOnly, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_result_of_a_scale_says_what_1_and_5_mean_so_a_high_score_is_never_misread()
    {
        var tiring = QuestionLibrary.Find("A6")!; // retired: 5 meant "very demanding"
        var result = new PulseResult(8, [0, 1, 2, 3, 2], 3.8);

        var channel = CardContent.Text(PulseCards.Result(tiring, Language.Bokmal, result, 5));
        var trend = CardContent.Text(PulseTrendCard.Build([new PulseTrendRow(45, tiring, result, 5)], Language.Bokmal));
        var digest = CardContent.Text(DigestCard.Build(new DigestView(DateTimeOffset.UnixEpoch, [], [new DigestPulse("Avd. 2", tiring, 3.8, 8)]), Language.Bokmal));

        Assert.Contains("1 = Lite krevende · 5 = Svært krevende", channel);
        Assert.Contains("snitt 3,8 (8 svar)\n1 = Lite krevende · 5 = Svært krevende", trend);
        Assert.Contains("«Hvor følelsesmessig krevende har arbeidet vært denne uka?» — snitt 3,8 av 5 (8 svar)\n1 = Lite krevende · 5 = Svært krevende", digest);
    }

    [Fact]
    public void Below_the_threshold_the_trend_shows_no_scale_and_no_numbers()
    {
        var trend = CardContent.Text(PulseTrendCard.Build([new PulseTrendRow(45, QuestionLibrary.Find("A9")!, new PulseResult(2, [0, 0, 1, 1, 0], 3.5), 5)], Language.Bokmal));

        Assert.Contains("2 svar, for få til å vise", trend);
        Assert.DoesNotContain("1 = ", trend);
        Assert.DoesNotContain("3,5", trend);
    }

    [Theory]
    [InlineData(Language.Bokmal, "«Fint at vi tok pause sammen.»")]
    [InlineData(Language.Nynorsk, "«Fint at vi tok pause sammen.»")]
    [InlineData(Language.English, "“Fint at vi tok pause sammen.”")]
    public void The_leader_reads_the_comments_in_the_quotation_marks_of_their_language(Language language, string quoted)
    {
        var summary = PulseCards.LeaderSummary(QuestionLibrary.Find("R1")!, language, new PulseResult(5, [0, 0, 1, 2, 2], 4.2), 5, 5, ["Fint at vi tok pause sammen."]);

        Assert.Contains(quoted, CardContent.Text(summary));
    }

    [Theory]
    [InlineData("ar", "نحتاج إلى وقت أطول للتسليم بين المناوبات، خاصة في عطلة نهاية الأسبوع عندما نكون قليلين. ")]
    [InlineData("ti", "ኣብ መንጎ ፈረቓታት ዝያዳ ግዜ ንደሊ ኢና፣ ብፍላይ ኣብ ቀዳመ ሰንበት ውሑዳት ክንከውን ከለና። ")]
    [InlineData("emoji", "😀🙏🏽👩🏾‍⚕️💪🏼🫶 ")]
    public void Two_hundred_comments_in_any_script_stay_under_Teams_card_limit_and_the_leader_is_told_how_many_did_not_fit(string script, string sentence)
    {
        _ = script;
        var comments = Enumerable.Range(0, 200).Select(i => $"#{i:D3} " + string.Concat(Enumerable.Repeat(sentence, 6))[..Math.Min(470, sentence.Length * 6)]).ToList();

        var card = PulseCards.LeaderSummary(QuestionLibrary.Find("R1")!, Language.Bokmal, new PulseResult(200, [20, 40, 60, 50, 30], 3.2), 5, 8, comments);

        var bytes = System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString());
        Assert.True(bytes < 28 * 1024, $"{bytes} bytes");
        var text = CardContent.Text(card);
        var shown = comments.Count(c => text.Contains(c));
        Assert.True(shown > 0);
        Assert.Contains(Texts.For(Language.Bokmal).Format("pulse.summary.more", comments.Count - shown), text); // nothing dropped without saying so
    }

    [Theory]
    [InlineData(Language.Bokmal)]
    [InlineData(Language.Nynorsk)]
    [InlineData(Language.English)]
    public void The_anchor_chart_is_a_png_twice_the_phone_width_small_enough_to_load_on_a_phone(Language language)
    {
        var png = PulseChart.Png(PulseSamples.Anchors, language);

        File.WriteAllBytes(Path.Combine(RepoPaths.Results("cards"), $"pulse-anchor-chart.{language.Code()}.png"), png);
        Assert.Equal("\u0089PNG", System.Text.Encoding.Latin1.GetString(png, 0, 4));
        // Width and height from the PNG header (big-endian, bytes 16–23).
        Assert.Equal((PulseChart.Width, PulseChart.Height), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)),
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        Assert.InRange(png.Length, 5_000, 200_000);
    }
}
