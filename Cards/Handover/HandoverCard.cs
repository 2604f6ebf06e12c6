using System.Text.Json.Nodes;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Handover;

/// <summary>
/// The handover card ("overlevering"), in the leader's personal chat: the team's open ideas by age, goals at risk, the
/// improvement circle's phase, the last results above the threshold and the HMS group's members. Read only, and
/// capped so any team fits within Teams' card size.
/// </summary>
public static class HandoverCard
{
    public const int MaxIdeas = 8;
    public const int MaxGoals = 5;

    /// <param name="newLeader">Sent because the person became the team's leader (otherwise they asked for it).</param>
    public static JsonObject Build(HandoverView view, Language language, bool newLeader)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode>
        {
            Heading(t["handover.title"]),
            Written(view.TeamName, bold: true, color: "Accent"),
            Text(t[newLeader ? "handover.intro.new" : "handover.intro"], subtle: true),
        };
        body.AddRange(Ideas(view, t));
        body.AddRange(Goals(view, t));
        body.Add(Text(t["handover.circle"], bold: true));
        body.Add(view.Circle is { } circle
            ? Written(t.Format("handover.circle.phase", t.Quote(Embedded(circle.Topic)), t[$"circle.{circle.PhaseKey}"]))
            : Text(t["handover.noCircle"], subtle: true));
        body.AddRange(Results(view, t, language));
        body.Add(Text(t["handover.hms"], bold: true));
        if (view.HmsMembers.Count == 0) body.Add(Text(t["handover.noHms"], subtle: true));
        foreach (var member in view.HmsMembers)
        {
            var role = t[$"roles.{member.Role}"] + (member.Confirmed ? "" : " · " + t["hms.pending"]);
            body.Add(Labelled(Written(member.Name, bold: true), Text(role, subtle: !member.Confirmed)));
        }
        body.Add(Text(t["handover.footer"], subtle: true));
        return Card(body);
    }

    private static IEnumerable<JsonNode> Ideas(HandoverView view, Texts t)
    {
        yield return Text(t["handover.ideas"], bold: true);
        if (view.OpenIdeas.Count == 0) yield return Text(t["handover.noIdeas"], subtle: true);
        foreach (var idea in view.OpenIdeas.Take(MaxIdeas))
        {
            yield return Labelled(Written(idea.Title, bold: true), Text($"{t[$"idea.status.{idea.Status}"]} · {t.Format("digest.age", idea.AgeDays)}", subtle: true));
        }
        if (view.OpenIdeas.Count > MaxIdeas) yield return Text(t.Format("digest.moreIdeas", view.OpenIdeas.Count - MaxIdeas), subtle: true);
    }

    private static IEnumerable<JsonNode> Goals(HandoverView view, Texts t)
    {
        yield return Text(t["digest.goals"], bold: true);
        if (view.GoalsAtRisk.Count == 0) yield return Text(t["handover.noGoals"], subtle: true);
        foreach (var goal in view.GoalsAtRisk.Take(MaxGoals))
        {
            var items = new JsonArray([.. GoalCards.Summary(goal, t)]);
            if (goal.Latest is { } latest) items.Add(Text(t.Format("goal.list.latest", t[$"goal.status.{latest.Status}"], goal.CheckIns), subtle: true));
            yield return new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items };
        }
        if (view.GoalsAtRisk.Count > MaxGoals) yield return Text(t.Format("digest.moreGoals", view.GoalsAtRisk.Count - MaxGoals), subtle: true);
    }

    private static IEnumerable<JsonNode> Results(HandoverView view, Texts t, Language language)
    {
        yield return Text(t["handover.results"], bold: true);
        if (view.Results.Count == 0) yield return Text(t["handover.noResults"], subtle: true);
        foreach (var result in view.Results)
        {
            var mean = result.Mean is { } m ? t.Format("digest.mean", m.ToString("0.0", language.Culture())) : t["digest.reflection"];
            var line = Labelled(Written($"{t.Format("results.week", result.Week)} · {t.Quote(Embedded(result.Question.In(language).Text))}", bold: true),
                Text($"{mean} ({t.Format("pulse.result.count", result.Answers)})"));
            if (result.Mean is not null && result.Question.HasScale) line["items"]!.AsArray().Add(PulseCards.ScaleEnds(result.Question, language));
            yield return line;
        }
    }
}
