using System.Text.Json.Nodes;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Languages;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Privacy;
using CareCompanion.Cards.Pulse;
using CareCompanion.Cards.Roles;
using CareCompanion.Cards.Welcome;

namespace CareCompanion.Tests.Cards;

/// <summary>
/// Every card the bot can send, with realistic sample data, in every language. Tests validate each one with
/// Microsoft's Adaptive Cards library and render it to PNG, so a new card must be added here.
/// </summary>
public static class CardCatalog
{
    public static IEnumerable<(string Name, JsonObject Card)> All()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            var code = language.Code();
            yield return ($"welcome.{code}", WelcomeCard.Build(language, [new("hjelp", "kortet du ser nå"), new("idé", "del en forbedringsidé"), new("mine data", "alt som er lagret om deg")]));
            yield return ($"welcome-channel.{code}", WelcomeCard.Build(language, [new("hjelp", "kortet du ser nå")],
                TeamLanguageCard.Choice(language, "19:team@thread.tacv2", Language.Bokmal).Concat(FirstQuestionChoice.Build(language, "19:team@thread.tacv2"))));
            yield return ($"team-language.{code}", TeamLanguageCard.Build(language, "19:team@thread.tacv2", Language.Nynorsk));
            yield return ($"privacy-export.{code}", PrivacyCards.Export(language, ["leader", "tillitsvalgt"], 2, 1, "{\n  \"roles\": [\"leader\", \"tillitsvalgt\"]\n}"));
            yield return ($"privacy-confirm-delete.{code}", PrivacyCards.ConfirmDelete(language, "00000000-0000-0000-0000-000000000001"));

            var round = new PulseRoundView("20261207-R1", "19:team@thread.tacv2", "fredag 11. desember kl. 10:00");
            var scale = QuestionLibrary.Find("R1")!;
            var reflection = QuestionLibrary.Find("R2")!;
            yield return ($"pulse-question-scale.{code}", PulseCards.Question(scale, language, round));
            yield return ($"pulse-question-text.{code}", PulseCards.Question(reflection, language, round));
            yield return ($"pulse-question-scale-only.{code}", PulseCards.Question(QuestionLibrary.Find("A8")!, language, round));
            // What Kari gets on her phone: the question in her own chat, and the one reminder.
            yield return ($"pulse-question-personal.{code}", PulseCards.Question(scale, language, round, personal: true));
            yield return ($"pulse-reminder.{code}", PulseCards.Question(QuestionLibrary.Find("A12")!, language, round, Texts.For(language)["pulse.reminder"], personal: true));
            yield return ($"pulse-answered.{code}", PulseCards.Question(scale, language, round, Texts.For(language)["pulse.thanks"]));
            yield return ($"pulse-result.{code}", PulseCards.Result(scale, language, new PulseResult(14, [1, 2, 3, 5, 3], 3.5), 5));
            yield return ($"pulse-result-too-few.{code}", PulseCards.Result(scale, language, new PulseResult(3, [0, 1, 1, 1, 0], 3.0), 5));
            yield return ($"pulse-result-text.{code}", PulseCards.Result(reflection, language, new PulseResult(8, [0, 0, 0, 0, 0], null), 5));
            yield return ($"pulse-trend.{code}", PulseTrendCard.Build(
            [
                new PulseTrendRow(47, scale, new PulseResult(12, [0, 1, 4, 5, 2], 3.7), 5),
                new PulseTrendRow(48, reflection, new PulseResult(9, [0, 0, 0, 0, 0], null), 5),
                new PulseTrendRow(49, QuestionLibrary.Find("R4")!, new PulseResult(3, [0, 0, 1, 1, 1], 4.0), 5),
            ], language));
            yield return ($"pulse-trend-empty.{code}", PulseTrendCard.Build([], language));
            yield return ($"pulse-trend-anchors.{code}", PulseTrendCard.Build(
                [new PulseTrendRow(49, QuestionLibrary.Find("K1")!, new PulseResult(11, [0, 2, 4, 4, 1], 3.4), 5)], language,
                PulseSamples.Anchors, "https://carecompanion.example/api/pulse/chart?link=sample.signature"));
            yield return ($"pulse-trend-anchors-none.{code}", PulseTrendCard.Build([], language, [], null));
            yield return ($"pulse-csv.{code}", PulseCsvCard.Build("https://carecompanion.example/api/pulse/csv?link=sample.signature", 15, language));
            yield return ($"pulse-leader-summary.{code}", PulseCards.LeaderSummary(scale, language, new PulseResult(7, [0, 1, 2, 3, 1], 3.6), 5, 5,
                ["Vi hadde fagmøte på tirsdag, det hjalp.", "For lite folk på kveldsvakt til å snakke sammen.", "**Ikke** markdown, [lenke](http://x)"]));
            yield return ($"pulse-leader-summary-many.{code}", PulseCards.LeaderSummary(scale, language, new PulseResult(300, [30, 60, 90, 80, 40], 3.2), 5, 8,
                [.. Enumerable.Range(0, 300).Select(i => $"Kommentar {i}: " + new string('x', 480))]));
            yield return ($"pulse-leader-summary-many-short.{code}", PulseCards.LeaderSummary(scale, language, new PulseResult(300, [30, 60, 90, 80, 40], 3.2), 5, 8,
                [.. Enumerable.Range(0, 300).Select(i => $"Bra {i} 👍 på kveldsvakta, så æøå")]));
            yield return ($"pulse-meeting-theme.{code}", MeetingThemeCard.Build(reflection, language, MeetingSamples.Fresh));
            yield return ($"pulse-meeting-theme-carried.{code}", MeetingThemeCard.Build(reflection, language, MeetingSamples.Carried));
            yield return ($"pulse-meeting-theme-followup.{code}", MeetingThemeCard.Build(reflection, language, MeetingSamples.FollowedUp,
                Texts.For(language)["meeting.goalMade"]));
            yield return ($"pulse-meeting-theme-full.{code}", MeetingThemeCard.Build(reflection, language, MeetingSamples.Full));
            yield return ($"pulse-team-question.{code}", TeamQuestionCard.Build("19:team@thread.tacv2", language));
            yield return ($"pulse-leader-summary-too-few-for-comments.{code}", PulseCards.LeaderSummary(scale, language, new PulseResult(6, [0, 1, 2, 2, 1], 3.5), 5, 8,
                ["Denne vises ikke"]));
            var settings = new PulseSettingsView(DayOfWeek.Monday, new TimeOnly(10, 0), 5, 5, 8, ["reflection", "ethics"], TeamLanguage: Language.Nynorsk);
            yield return ($"pulse-settings.{code}", PulseSettingsCard.Build(settings, "19:team@thread.tacv2", language));

            foreach (var (name, card) in IdeaSamples.All(language)) yield return ($"{name}.{code}", card);
            foreach (var (name, card) in DigestSamples.All(language)) yield return ($"{name}.{code}", card);
            foreach (var (name, card) in GoalSamples.All(language)) yield return ($"{name}.{code}", card);
            foreach (var (name, card) in Hms.HmsSamples.All(language)) yield return ($"{name}.{code}", card);
            foreach (var (name, card) in Handover.HandoverSamples.All(language)) yield return ($"{name}.{code}", card);
            foreach (var (name, card) in NetworkSamples.All(language)) yield return ($"{name}.{code}", card);
            yield return ($"roles.{code}", RolesCard.Build(language, "19:team@thread.tacv2",
            [
                new("Liv Hansen", "29:a", ["leader"]), new("Kari Nordmann", "29:b", ["coach", "tillitsvalgt"]),
                new("Ola Nordmann", "29:c", []), new("Anne <b>Berg</b>", "29:d", []),
            ]));
        }
    }
}
