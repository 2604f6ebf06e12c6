using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Pulse;

/// <summary>What became of an action: still open, an idea, a goal, done, or moved on to the next meeting.</summary>
public enum MeetingActionState { Open, Idea, Goal, Done, Moved }

/// <summary>An action on the card; <see cref="Carried"/>: left open at the meeting before.</summary>
public sealed record MeetingActionView(int No, string Text, bool Carried, MeetingActionState State);

/// <summary>A reflection meeting as its card shows it.</summary>
public sealed record MeetingView(string TeamId, string MeetingId, string? Summary, IReadOnlyList<MeetingActionView> Actions);

/// <summary>
/// The theme card of a reflection meeting: last time's open actions first, the week's question as the theme, and after
/// the meeting the follow-up (summary and actions), where each open action becomes an idea or a goal, or is marked done.
/// </summary>
public static class MeetingThemeCard
{
    public static JsonObject Build(Question? question, Language language, MeetingView meeting, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Text(t["meeting.title"], subtle: true, bold: true) };
        if (notice is not null) body.Add(Text(notice, bold: true, color: "Good"));
        var carried = meeting.Actions.Where(a => a.Carried).ToList();
        if (carried.Count > 0)
        {
            var items = new JsonArray(Text(t["meeting.carried"], bold: true, color: "Accent"));
            foreach (var node in carried.SelectMany(a => Action(meeting, a, t))) items.Add(node);
            body.Add(new JsonObject { ["type"] = "Container", ["style"] = "emphasis", ["items"] = items });
        }
        if (question is not null) body.Add(WrittenHeading(question.In(language).Text));
        body.Add(Text(t["meeting.howto"]));
        if (meeting.Summary is { } summary) body.Add(LabelledWritten(t["meeting.summary"], summary));
        var own = meeting.Actions.Where(a => !a.Carried).ToList();
        if (own.Count > 0)
        {
            body.Add(Text(t["meeting.actions"], bold: true));
            body.AddRange(own.SelectMany(a => Action(meeting, a, t)));
        }
        body.Add(Text(t["meeting.privacy"], subtle: true));
        var written = meeting.Summary is not null || own.Count > 0;
        return Card(body,
        [
            ShowCard(t[written ? "meeting.followUp.more" : "meeting.followUp"],
            [
                TextInput("summary", t["meeting.followUp.summary"], MeetingVerbs.MaxSummary, multiline: true, value: meeting.Summary),
                TextInput("actions", t["meeting.followUp.actions"], MeetingVerbs.MaxActionsInput, multiline: true),
            ], Execute(t["meeting.followUp.send"], MeetingVerbs.FollowUp, new MeetingFollowUpPayload(meeting.TeamId, meeting.MeetingId))),
        ]);
    }

    /// <summary>An action's line; an open one with its buttons below (short words, so the three fit on a phone).</summary>
    private static IEnumerable<JsonNode> Action(MeetingView meeting, MeetingActionView action, Texts t)
    {
        if (action.State != MeetingActionState.Open)
        {
            yield return Line(Run("✓ ", color: "Good"), Run(action.Text), Run(" · " + t[$"meeting.action.{action.State.ToString().ToLowerInvariant()}"], subtle: true));
            yield break;
        }
        yield return Line(Run("• "), Run(action.Text));
        var target = new MeetingActionPayload(meeting.TeamId, meeting.MeetingId, action.No);
        yield return ActionSet(
            Execute(t["meeting.toIdea"], MeetingVerbs.ToIdea, target),
            ShowCard(t["meeting.toGoal"],
            [
                TextInput(MeetingVerbs.OwnersInput(action.No), t["goal.form.owners"], MeetingVerbs.MaxOwners, requiredMessage: t["meeting.error.goal"]),
                new JsonObject
                {
                    ["type"] = "Input.Date", ["id"] = MeetingVerbs.DeadlineInput(action.No), ["label"] = t["goal.form.deadline"], ["isRequired"] = true,
                    ["errorMessage"] = t["goal.error.deadline"],
                },
            ], Execute(t["meeting.goal.send"], MeetingVerbs.ToGoal, new MeetingGoalPayload(meeting.TeamId, meeting.MeetingId, action.No))),
            Execute(t["meeting.markDone"], MeetingVerbs.Done, target));
    }
}
