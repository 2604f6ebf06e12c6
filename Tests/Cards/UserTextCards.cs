using System.Text.Json.Nodes;
using CareCompanion.Bot.Pulse;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Privacy;
using CareCompanion.Cards.Pulse;
using CareCompanion.Cards.Roles;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Tests.Cards;

/// <summary>A card with what people wrote in it, and those texts as they must show.</summary>
public sealed record CardWithUserText(string Name, JsonObject Card, string[] Written);

/// <summary>A card with right-to-left text people wrote, and lines as they must appear on screen, read left to right.</summary>
public sealed record CardSeenLeftToRight(string Name, JsonObject Card, string[] Seen);

/// <summary>
/// Every card that shows text people wrote (titles, descriptions, comments, reasons, notes, names, team names, a
/// team's own question), with hostile and ordinary text in every one of those places.
/// </summary>
public static class UserTextCards
{
    /// <summary>
    /// What someone might write in <paramref name="place"/>: markdown, HTML, a link, a numbered list, a path, emoji and
    /// right-to-left text. §place§ tells the tests where each text went.
    /// </summary>
    public static string Written(string place) =>
        $"1. §{place}§ *stjerner* **fet** _understrek_ [lenke](javascript:alert(1)) <b>fet</b> C:\\mapper (Kari) 😀👍🏽 שלום مرحبا";

    /// <summary>Several lines, as descriptions, comments and notes often have.</summary>
    public static string WrittenLines(string place) => Written(place) + "\n- punkt\n# Overskrift";

    private static readonly Language Language = Language.Bokmal;
    private static readonly DateTimeOffset Now = new(2026, 12, 11, 11, 0, 0, TimeSpan.Zero);

    public static IEnumerable<CardWithUserText> All() => [.. Ideas(), .. Goals(), .. Pulse(), .. Digest(), .. Others()];

    private static IdeaView Idea => new()
    {
        IdeaId = "i1", TeamId = "19:a@thread.tacv2", TeamName = Written("idea-team"), Title = Written("idea-title"),
        Description = WrittenLines("idea-description"), Category = "workflow", Status = "considering", SubmitterName = Written("idea-submitter"),
        CreatedAt = Now.AddDays(-20), Supporters = 2, CommentCount = 1,
        LatestComments = [(Written("comment-author"), WrittenLines("comment-text"))],
        LastDecision = new DecisionView("considering", WrittenLines("decision-reason"), Written("decision-by"), Now.AddDays(-2)),
        NextStatuses = ["trying", "implemented", "notpursued"],
    };

    private static IEnumerable<CardWithUserText> Ideas()
    {
        var idea = Idea;
        var decision = idea.LastDecision!;
        string[] summary = [idea.TeamName!, idea.Title, idea.SubmitterName!];
        yield return new("user-text-idea", IdeaCards.Idea(idea, Language),
            [.. summary, idea.Description, decision.Reason, decision.ByName, idea.LatestComments[0].Author, idea.LatestComments[0].Text]);
        yield return new("user-text-idea-submitted", IdeaCards.Submitted(idea, Language),
            [.. summary]);
        yield return new("user-text-idea-status-update", IdeaCards.StatusUpdate(idea, decision, Language), [idea.Title, decision.Reason, decision.ByName]);
        yield return new("user-text-idea-submitter-notice", IdeaCards.SubmitterNotice(idea, decision, Language), [idea.Title, decision.Reason, decision.ByName]);
        yield return new("user-text-idea-followup", IdeaCards.FollowUp(idea, Language, new Dictionary<string, int>()), [idea.Title]);
        var listed = idea with { Description = Written("listed-description") };
        yield return new("user-text-idea-list", IdeaListCard.Build("Idéer", [listed], Language, Now, "-"),
            [.. summary, listed.Description, decision.Reason]);

        var teams = new[] { new TeamChoice("19:a", Written("form-team-a")), new TeamChoice("19:b", Written("form-team-b")) };
        var draft = new IdeaDraft(Title: Written("draft-title"), Description: WrittenLines("draft-description"));
        yield return new("user-text-idea-form", IdeaFormCard.Build(Language, teams, ["workflow", "other"], draft, inDialog: false),
            [teams[0].Name, teams[1].Name, draft.Title!, draft.Description!]);
        yield return new("user-text-idea-form-one-team", IdeaFormCard.Build(Language, teams[..1], ["workflow", "other"], new IdeaDraft(), inDialog: true),
            [teams[0].Name]);
    }

    private static GoalView Goal => new()
    {
        GoalId = "g1", TeamId = "19:a@thread.tacv2", TeamName = Written("goal-team"), Title = Written("goal-title"),
        Success = WrittenLines("goal-success"), Owners = Written("goal-owners"), Deadline = new DateOnly(2027, 1, 29), DaysLeft = 12, CheckIns = 1,
        Latest = new CheckInView("atrisk", WrittenLines("checkin-note"), "time", Written("checkin-by"), Now),
        IdeaTitle = Written("goal-idea"),
    };

    private static IEnumerable<CardWithUserText> Goals()
    {
        var goal = Goal;
        yield return new("user-text-goal", GoalCards.Goal(goal, Language),
            [goal.TeamName!, goal.Title, goal.Success, goal.Owners, goal.IdeaTitle!, goal.Latest!.Note, goal.Latest.ByName]);
        yield return new("user-text-goal-list", GoalCards.List("Mål", [goal], Language, "-"), [goal.TeamName!, goal.Title]);
        var draft = new GoalDraft(Title: Written("goal-draft-title"), Success: WrittenLines("goal-draft-success"), Owners: Written("goal-draft-owners"));
        var ideas = new[] { ("i1", Written("goal-form-idea")) };
        yield return new("user-text-goal-form", GoalFormCard.Build(Language, "19:a", draft, ideas),
            [draft.Title!, draft.Success!, draft.Owners!, ideas[0].Item2]);
    }

    /// <summary>
    /// Hebrew and Arabic names and words inside our sentences. On screen a right-to-left word's letters run right to
    /// left (שלום shows as םולש when read left to right); the words, dates and numbers around it must stay in place.
    /// </summary>
    public static IEnumerable<CardSeenLeftToRight> RightToLeft()
    {
        var idea = Idea with { SubmitterName = "שלום", TeamName = "مرحبا", CreatedAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero) };
        yield return new("right-to-left-idea", IdeaCards.Idea(idea, Language), ["Fra םולש, 02.11.2026"]);
        yield return new("right-to-left-digest", DigestCard.Build(new DigestView(Now.AddDays(-7), [new DigestIdea(idea, 20, Waiting: true)], []), Language),
            ["Arbeidsflyt og rutiner · ابحرم · 2 støtter"]);
        var own = new TeamQuestion("T1", QuestionTheme.Reflection, QuestionType.Scale, "Hvordan var uka?", "שלום", "مرحبا");
        var settings = new PulseSettings { TenantId = "t", TeamId = "19:a", TeamQuestions = [own] };
        yield return new("right-to-left-pulse", PulseCards.Question(PulseQuestions.Find(settings, "T1")!, Language, new PulseRoundView("R1", "19:a", "fredag")),
            ["1 = םולש · 5 = ابحرم"]);
    }

    /// <summary>A team's own question, as the bot reads it from the team's settings: Written("question-{type}"), "low-{type}", "high-{type}".</summary>
    private static Question TeamQuestion(string type)
    {
        var own = new TeamQuestion("T1", QuestionTheme.Reflection, type, Written($"question-{type}"), Written($"low-{type}"), Written($"high-{type}"));
        var settings = new PulseSettings { TenantId = "t", TeamId = "19:a", TeamQuestions = [own] };
        return PulseQuestions.Find(settings, "T1")!;
    }

    private static IEnumerable<CardWithUserText> Pulse()
    {
        var scale = TeamQuestion(QuestionType.ScaleWithComment);
        var text = TeamQuestion(QuestionType.Text);
        string[] scaleTexts = [Written("question-scale+comment"), Written("low-scale+comment"), Written("high-scale+comment")];
        string[] textTexts = [Written("question-text")];
        var round = new PulseRoundView("R1", "19:a", "fredag kl. 10:00");
        yield return new("user-text-pulse-question", PulseCards.Question(scale, Language, round), scaleTexts);
        yield return new("user-text-pulse-question-text", PulseCards.Question(text, Language, round), textTexts);
        var result = new PulseResult(6, [0, 1, 2, 2, 1], 3.5);
        yield return new("user-text-pulse-result", PulseCards.Result(scale, Language, result, 5), scaleTexts);
        string[] comments = [WrittenLines("pulse-comment"), "Vi hadde fagmøte på tirsdag (endelig), det hjalp :-)"];
        yield return new("user-text-pulse-leader-summary", PulseCards.LeaderSummary(scale, Language, result, 5, 5, comments), [.. scaleTexts, .. comments]);
        string[] meetingTexts = [WrittenLines("meeting-summary"), Written("meeting-action-carried"), Written("meeting-action-new")];
        var meeting = new MeetingView("19:a", "m1", meetingTexts[0],
            [new MeetingActionView(1, meetingTexts[1], Carried: true, MeetingActionState.Open), new MeetingActionView(2, meetingTexts[2], Carried: false, MeetingActionState.Goal)]);
        yield return new("user-text-pulse-meeting-theme", MeetingThemeCard.Build(text, Language, meeting), [.. textTexts, .. meetingTexts]);
        yield return new("user-text-pulse-trend", PulseTrendCard.Build([new PulseTrendRow(49, scale, result, 5)], Language), scaleTexts[..1]);
    }

    private static IEnumerable<CardWithUserText> Digest()
    {
        var idea = new DigestIdea(Idea with { Status = "new", LastDecision = null, NextStatuses = ["considering"] }, 20, Waiting: true);
        var goal = new DigestGoal(Goal with { DaysLeft = -3 }, CanAsk: true);
        var question = TeamQuestion(QuestionType.Scale);
        var pulse = new DigestPulse(Written("digest-pulse-team"), question, 3.4, 12);
        var digest = new DigestView(Now.AddDays(-7), [idea], [pulse]) { Goals = [goal] };
        yield return new("user-text-digest", DigestCard.Build(digest, Language),
            [idea.Idea.Title, idea.Idea.TeamName!, goal.Goal.Title, goal.Goal.TeamName!, pulse.TeamName, Written("question-scale")]);
    }

    private static IEnumerable<CardWithUserText> Others()
    {
        RoleMember[] members = [new(Written("leader-name"), "29:a", ["leader"]), new(Written("member-name"), "29:b", [])];
        yield return new("user-text-roles", RolesCard.Build(Language, "19:a", members), [members[0].Name, members[1].Name]);
        var json = "{\n  \"ideas\": [ { \"title\": \"" + Written("export-title") + "\" } ]\n}";
        yield return new("user-text-privacy-export", PrivacyCards.Export(Language, ["leader"], 1, 0, json), [Written("export-title")]);
    }
}
