using System.Globalization;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Goals;

/// <summary>
/// The goal card (in the team's channel, and with a friendly notice as the nudges), and the list of goals. The card
/// shows the latest check-in and how many there were, and carries the check-in form and the coach's close / re-date.
/// </summary>
public static class GoalCards
{
    public static JsonObject Goal(GoalView goal, Language language, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode>();
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.AddRange(Summary(goal, t));
        if (goal.Success.Length > 0) body.Add(LabelledWritten(t["goal.card.success"], goal.Success));
        if (goal.Owners.Length > 0) body.Add(LabelledWritten(t["goal.card.owners"], goal.Owners));
        if (goal.IdeaTitle is not null) body.Add(Written(t.Format("goal.card.idea", Embedded(goal.IdeaTitle)), subtle: true));
        if (goal.CircleTopic is not null) body.Add(Written(t.Format("circle.from", Embedded(goal.CircleTopic)), subtle: true));
        if (goal.Latest is { } latest)
        {
            var blocker = latest.Blocker is null ? "" : " · " + t.Format("goal.card.blocker", t[$"goal.blocker.{latest.Blocker}"]);
            var note = latest.Note.Length > 0 ? t.Quote(Embedded(latest.Note)) + " " : "";
            body.Add(LabelledWritten(t.Format("goal.card.latest", goal.CheckIns), $"{t[$"goal.status.{latest.Status}"]}{blocker}. {note}— {Embedded(latest.ByName)}, {Date(latest.At)}"));
        }
        else
        {
            body.Add(Text(t["goal.card.noCheckIns"], subtle: true));
        }
        return Card(body, goal.Closed ? null : [CheckInForm(goal, t), CoachForm(goal, t)]);
    }

    /// <summary>Title, team, deadline and days left: the lines that identify a goal in cards and lists.</summary>
    public static IEnumerable<JsonNode> Summary(GoalView goal, Texts t)
    {
        var team = goal.TeamName is null ? "" : " · " + Embedded(goal.TeamName);
        yield return Written($"{t["goal.card.kind"]}{team}", subtle: true, bold: true);
        yield return WrittenHeading(goal.Title);
        var due = goal.Closed ? t["goal.card.closed"]
            : goal.DaysLeft > 0 ? t.Format("goal.card.daysLeft", Date(goal.Deadline), goal.DaysLeft)
            : goal.DaysLeft == 0 ? t.Format("goal.card.today", Date(goal.Deadline))
            : t.Format("goal.card.overdue", Date(goal.Deadline), -goal.DaysLeft);
        var line = Text(due, bold: true, color: goal.Closed ? "Good" : goal.DaysLeft < 0 || goal.Latest?.Status == "atrisk" ? "Attention" : "Default");
        line["spacing"] = "None";
        yield return line;
    }

    public static JsonObject List(string heading, IReadOnlyList<GoalView> goals, Language language, string empty)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(heading) };
        if (goals.Count == 0) body.Add(Text(empty, subtle: true));
        foreach (var goal in goals.Take(15))
        {
            var items = new JsonArray([.. Summary(goal, t)]);
            if (goal.Latest is { } latest) items.Add(Text(t.Format("goal.list.latest", t[$"goal.status.{latest.Status}"], goal.CheckIns), subtle: true));
            body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items });
        }
        if (goals.Count > 15) body.Add(Text(t.Format("goal.list.more", goals.Count - 15), subtle: true));
        return Card(body);
    }

    private static JsonObject CheckInForm(GoalView goal, Texts t) => ShowCard(t["goal.checkin"],
    [
        ChoiceSet("status", t["goal.checkin.status"], new[] { "ontrack", "atrisk", "done" }.Select(s => (t[$"goal.status.{s}"], s)), "ontrack"),
        TextInput("note", t["goal.checkin.note"], GoalVerbs.MaxNote, multiline: true),
        ChoiceSet("blocker", t["goal.checkin.blocker"],
            new[] { "none", "time", "plan", "information", "leadersupport" }.Select(b => (t[$"goal.blocker.{b}"], b)), "none"),
    ], Execute(t["goal.checkin.send"], GoalVerbs.CheckIn, Ref(goal)));

    private static JsonObject CoachForm(GoalView goal, Texts t) => ShowCard(t["goal.coach"],
    [
        TextInput("reason", t["goal.coach.reason"], GoalVerbs.MaxReason, multiline: true),
        GoalFormCard.DateInput("newDeadline", t["goal.coach.newDeadline"], null),
    ], Execute(t["goal.coach.redate"], GoalVerbs.Redate, Ref(goal)), Execute(t["goal.coach.close"], GoalVerbs.Close, Ref(goal)));

    private static GoalRef Ref(GoalView goal) => new(goal.TeamId, goal.GoalId);
}
