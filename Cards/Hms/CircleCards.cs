using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Hms;

/// <summary>
/// The improvement circle's cards: the preparation card for the HMS group (checklist and the workshop's time), the
/// workshop card in the channel (opening with the baton), and the baton (the worksheet, inputs and, in "Skape", the vote).
/// </summary>
public static class CircleCards
{
    public const int Phases = 4;
    public const int ShownInputs = 10;

    public static JsonObject Preparation(CircleView circle, Language language, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode>(Kind(circle, t));
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.Add(Text(t["circle.prepare"], bold: true));
        body.Add(Points(Enumerable.Range(1, 3).Select(i => t[$"circle.{Name(circle.Phase)}.check{i}"])));
        if (circle.Picked is not null) body.Add(LabelledWritten(t["circle.picked"], circle.Picked));
        if (circle.WorkshopAt is not null) body.Add(Text(t.Format("circle.workshopAt", circle.WorkshopAt), subtle: true));
        return Card(body,
        [
            ShowCard(t["circle.schedule"],
            [
                new JsonObject { ["type"] = "Input.Date", ["id"] = "date", ["label"] = t["circle.schedule.date"], ["isRequired"] = true, ["errorMessage"] = t["circle.error.time"] },
                new JsonObject { ["type"] = "Input.Time", ["id"] = "time", ["label"] = t["circle.schedule.time"], ["value"] = "14:30" },
            ], Execute(t["circle.schedule.send"], HmsVerbs.Schedule, new CircleSchedulePayload(circle.TeamId, circle.CircleId, circle.Phase))),
        ]);
    }

    public static JsonObject Workshop(CircleView circle, Language language)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode>(Kind(circle, t));
        if (circle.Baton is { } baton)
        {
            var items = new JsonArray(Text(t.Format("circle.baton.from", PhaseName(baton.Phase, t)), bold: true, color: "Accent"));
            foreach (var node in Worksheet(baton, t)) items.Add(node);
            body.Add(new JsonObject { ["type"] = "Container", ["style"] = "emphasis", ["items"] = items });
        }
        body.Add(LabelledText(t["circle.about"], t[$"circle.{Name(circle.Phase)}.about"]));
        body.Add(Text(t["circle.questions"], bold: true));
        body.Add(Points(Enumerable.Range(1, 3).Select(i => t[$"circle.{Name(circle.Phase)}.q{i}"])));
        var actions = new List<JsonNode>
        {
            ShowCard(t["circle.worksheet"],
            [
                TextInput("cameUp", t["circle.worksheet.cameUp"], HmsVerbs.MaxCameUp, multiline: true, requiredMessage: t["circle.error.worksheet"]),
                TextInput("proposals", t["circle.worksheet.proposals"], HmsVerbs.MaxProposals, multiline: true),
            ], Execute(t["circle.worksheet.send"], HmsVerbs.Worksheet, new CircleWorksheetPayload(circle.TeamId, circle.CircleId, circle.Phase))),
        };
        if (circle.Picked is { } picked)
        {
            body.Add(LabelledWritten(t["circle.picked"], picked));
            if (circle.MadeInto is { } made) body.Add(Written(t.Format($"circle.{made}.made", Embedded(picked)), subtle: true));
            else actions.AddRange(MakeForms(circle, t));
        }
        return Card(body, actions);
    }

    /// <summary>"Teste": the group makes the pick either a goal with owners and a deadline, or an idea being tried out.</summary>
    private static IEnumerable<JsonNode> MakeForms(CircleView circle, Texts t)
    {
        yield return ShowCard(t["circle.goal"],
        [
            TextInput("owners", t["goal.form.owners"], HmsVerbs.MaxOwners, requiredMessage: t["circle.error.goal"]),
            new JsonObject { ["type"] = "Input.Date", ["id"] = "deadline", ["label"] = t["goal.form.deadline"], ["isRequired"] = true, ["errorMessage"] = t["goal.error.deadline"] },
        ], Execute(t["circle.goal.send"], HmsVerbs.Goal, new CircleGoalPayload(circle.TeamId, circle.CircleId)));
        var category = ChoiceSet("category", t["circle.idea.category"], circle.IdeaCategories.Select(c => (t[$"idea.category.{c}"], c)), "");
        category["isRequired"] = true;
        category["errorMessage"] = t["circle.error.idea"];
        yield return ShowCard(t["circle.idea"], [category], Execute(t["circle.idea.send"], HmsVerbs.Idea, new CircleIdeaPayload(circle.TeamId, circle.CircleId)));
    }

    /// <summary>The worksheet posted as the baton: colleagues add inputs (named or anonymous) and, in "Skape", vote once each.</summary>
    public static JsonObject Baton(CircleView circle, WorksheetView sheet, Language language, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Written(t.Format("circle.baton.kind", PhaseName(sheet.Phase, t), Embedded(circle.TeamName)), subtle: true, bold: true), WrittenHeading(circle.Topic) };
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.AddRange(Worksheet(sheet, t));
        body.Add(Text(t["circle.baton.until"], subtle: true));
        if (sheet.Votes is { } votes && sheet.Proposals.Count > 0)
        {
            body.Add(Text(t["circle.vote.intro"], bold: true));
            // One button per row: side by side they run off a phone's 360 px.
            body.AddRange(sheet.Proposals.Select((p, i) => ActionSet([Execute(
                t.Format("circle.vote.button", i + 1, votes.ElementAtOrDefault(i)), HmsVerbs.Vote, new CircleVotePayload(circle.TeamId, circle.CircleId, i))])));
        }
        return Card(body,
        [
            ShowCard(t["circle.input"],
            [
                TextInput("input", t["circle.input.text"], HmsVerbs.MaxInput, multiline: true, requiredMessage: t["circle.error.input"]),
                new JsonObject { ["type"] = "Input.Toggle", ["id"] = "anonymous", ["title"] = t["circle.input.anonymous"], ["valueOn"] = "true", ["valueOff"] = "false", ["value"] = "false" },
            ], Execute(t["circle.input.send"], HmsVerbs.Input, new CircleInputPayload(circle.TeamId, circle.CircleId, sheet.Phase))),
        ]);
    }

    private static IEnumerable<JsonNode> Worksheet(WorksheetView sheet, Texts t)
    {
        yield return LabelledWritten(t["circle.worksheet.cameUp"], sheet.CameUp);
        if (sheet.Proposals.Count > 0)
        {
            yield return Text(t["circle.proposals"], bold: true);
            for (var i = 0; i < sheet.Proposals.Count; i++)
            {
                var votes = sheet.Votes is { } v ? " · " + t.Format("circle.votes", v.ElementAtOrDefault(i)) : "";
                yield return Line(Run($"{i + 1}. "), Run(sheet.Proposals[i]), Run(votes, subtle: true));
            }
        }
        yield return Text(t.Format("circle.inputs", sheet.Inputs.Count), bold: true);
        foreach (var input in sheet.Inputs.TakeLast(ShownInputs))
        {
            yield return Line(Run((input.ByName ?? t["circle.input.anonymousName"]) + ": ", subtle: true), Run(input.Text));
        }
    }

    /// <summary>
    /// A list as one wrapping "• " line per point. Not a markdown list: the renderer gives a list the full width on top
    /// of its indent, so on a phone the end of every long point is cut off.
    /// </summary>
    private static JsonObject Points(IEnumerable<string> points)
    {
        var lines = points.Select((point, i) =>
        {
            var line = Text("• " + point);
            if (i > 0) line["spacing"] = "Small";
            return (JsonNode)line;
        });
        return new JsonObject { ["type"] = "Container", ["items"] = new JsonArray([.. lines]) };
    }

    private static IEnumerable<JsonNode> Kind(CircleView circle, Texts t)
    {
        yield return Written(t.Format("circle.kind", Embedded(circle.TeamName), circle.Phase + 1, Phases), subtle: true, bold: true);
        yield return Heading(PhaseName(circle.Phase, t));
        yield return LabelledWritten(t["circle.topic"], circle.Topic);
    }

    private static string PhaseName(int phase, Texts t) => t[$"circle.{Name(phase)}"];

    private static string Name(int phase) => new[] { "explore", "deepen", "create", "test" }[Math.Clamp(phase, 0, Phases - 1)];
}
