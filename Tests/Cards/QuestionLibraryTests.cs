using CareCompanion.Bot.Pulse;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Cards;

/// <summary>The weekly questions: safe to answer honestly in a small team, one thing each, and readable for old rounds.</summary>
public sealed class QuestionLibraryTests
{
    // Every id the library has shipped with: stored rounds name their question by id.
    private static readonly string[] ShippedIds =
    [
        "R1", "R2", "R3", "R4", "R5", "R6", "L1", "L2", "L3", "L4", "L5", "L6", "A1", "A2", "A3", "A4", "A5", "A6", "A7",
        "P1", "P2", "P3", "P4", "P5", "P6", "E1", "E2", "E3", "E4", "E5", "I1", "I2", "I3", "I4", "I5", "I6",
        "M1", "M2", "M3", "M4", "M5", "A8", "A9", "P7", "P8", "M6", "A10", "A11", "A12", "M7",
        "K1", "K2", "K3", "K4", "K5", "LS1", "LS2", "LS3", "LS4",
    ];

    [Fact]
    public void Every_question_a_stored_round_can_name_is_still_found_even_when_it_is_no_longer_asked()
    {
        Assert.All(ShippedIds, id => Assert.NotNull(QuestionLibrary.Find(id)));
        Assert.Equal(ShippedIds.Order(), QuestionLibrary.IncludingRetired.Select(q => q.Id).Order()); // add new ids to the list above

        // A5 was asked with 5 = very demanding; its old rounds keep that scale, not the new question's.
        var round = new PulseRound
        {
            TenantId = "t", TeamId = "team", RoundId = "20261102-A5", QuestionId = "A5", OpenedAt = default, ClosesAt = default,
            Salt = "s", PostJobId = "j", ConversationId = "c",
        };
        var asked = PulseQuestions.Find(round)!;
        Assert.True(asked.Retired);
        Assert.Equal(("Hvor fysisk belastende har vaktene vært denne uka?", "Lite belastende", "Svært belastende"),
            (asked.Bokmal.Text, asked.Bokmal.Low, asked.Bokmal.High));
    }

    [Fact]
    public void A_full_rotation_asks_every_current_question_once_and_no_retired_one_and_no_anchor()
    {
        var rotating = QuestionLibrary.All.Where(q => !q.Anchor && !q.Leaders).ToList();
        var asked = new List<string>();
        for (var week = 0; week < rotating.Count; week++) asked.Add(QuestionLibrary.Next([], [], asked).Id);

        Assert.Equal(rotating.Select(q => q.Id), asked);
        Assert.DoesNotContain(asked, id => QuestionLibrary.Find(id)!.Retired);
        Assert.Equal(["A5", "A6", "M1", "P1"], QuestionLibrary.IncludingRetired.Where(q => q.Retired).Select(q => q.Id).Order());
    }

    [Fact]
    public void Every_question_keeps_its_seed_source()
    {
        Assert.All(QuestionLibrary.IncludingRetired, q => Assert.Matches(@"^(S|F|L|K|IA)(, (S|F|L|K|IA))*$", q.Source ?? ""));
        Assert.Equal(QuestionLibrary.Find("P1")!.Source, QuestionLibrary.Find("P7")!.Source);
        Assert.Equal(QuestionLibrary.Find("M1")!.Source, QuestionLibrary.Find("M6")!.Source);
    }

    [Fact]
    public void The_questions_added_for_the_seeds_gaps_name_the_research_note_and_section_they_answer()
    {
        // Change load, violence and threats, role conflict, "did anyone ask about our goals?" (seeds-komii-and-ia.md §G.1),
        // the anchors (§G.3 point 6) and the questions for leaders about their own support (§G.3 point 7).
        var anchorsAndLeaders = QuestionLibrary.Anchors.Concat(QuestionLibrary.ForLeaders).Select(q => q.Id).ToList();
        Assert.Equal(["K1", "K2", "K3", "K4", "K5", "LS1", "LS2", "LS3", "LS4"], anchorsAndLeaders);
        foreach (var id in new[] { "A10", "A11", "A12", "M7" }.Concat(anchorsAndLeaders))
        {
            var seed = QuestionLibrary.Find(id)!.Seed ?? "";
            Assert.Matches(@"^seeds-[a-z-]+\.md §", seed);
            var note = seed[..seed.IndexOf(' ')];
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "..", "shared", "research", note)) || !Directory.Exists(Path.Combine(RepoPaths.Root, "..", "shared")),
                $"{id}: {note} is not in shared/research");
            foreach (var language in Enum.GetValues<Language>()) Assert.InRange(QuestionLibrary.Find(id)!.In(language).Text.Length, 20, 120);
        }
    }

    public static TheoryData<string> CurrentScaleQuestions() => [.. QuestionLibrary.All.Where(q => q.HasScale).Select(q => q.Id)];

    [Theory]
    [MemberData(nameof(CurrentScaleQuestions))]
    public void A_scale_asks_how_much_or_how_often_and_both_ends_are_complete_answers(string id)
    {
        var question = QuestionLibrary.Find(id)!;
        foreach (var language in Enum.GetValues<Language>())
        {
            var text = question.In(language);
            Assert.False(string.IsNullOrWhiteSpace(text.Low) || string.IsNullOrWhiteSpace(text.High), $"{id} {language}: both ends need a text");
            foreach (var end in new[] { text.Low!, text.High! })
            {
                // "Nei" / "Ja, flere" put a yes/no question on 1–5, where 3 means nothing; "Svært" alone answers nothing.
                Assert.DoesNotMatch(@"^(Nei|Ja|No|Yes)\b|^(Svært|Very|Lite|Not much)$", end);
            }
        }
        Assert.DoesNotMatch(@"^(Har|Får|Vet|Blir|Opplever|Sto|Fikk|Er) ", question.Bokmal.Text); // a yes/no question
    }

    [Fact]
    public void No_current_scale_has_staff_rate_the_leader_who_reads_the_answers()
    {
        Assert.DoesNotContain(QuestionLibrary.All, q => q.HasScale && q.Bokmal.Text.Contains("leder", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(QuestionLibrary.IncludingRetired, q => q.Id == "M1" && q.Bokmal.Text.Contains("leder")); // the check can see one
    }

    [Fact]
    public void Text_questions_have_no_scale_ends_and_questions_that_ask_for_a_story_say_not_to_write_names()
    {
        Assert.All(QuestionLibrary.IncludingRetired.Where(q => !q.HasScale), q => Assert.Null(q.Bokmal.Low ?? q.Nynorsk.Low ?? q.English.Low));
        foreach (var id in new[] { "L4", "E5" })
        {
            var q = QuestionLibrary.Find(id)!;
            Assert.EndsWith("(Ikke skriv navn.)", q.Bokmal.Text);
            Assert.EndsWith("(Ikkje skriv namn.)", q.Nynorsk.Text);
        }
        Assert.Contains("ingen bruker eller kollega kan kjennes igjen", QuestionLibrary.Find("E2")!.Bokmal.Text);
    }
}
