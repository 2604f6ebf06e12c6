using System.Globalization;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Digest;

/// <summary>An idea as the digest lists it: how long it has waited, and whether that is too long.</summary>
public sealed record DigestIdea(IdeaView Idea, int AgeDays, bool Waiting);

/// <summary>A team's last closed pulse round, only when enough answered to show it.</summary>
public sealed record DigestPulse(string TeamName, Question Question, double? Mean, int Answers);

/// <summary>A goal at risk or overdue; leaders may ask the team about it.</summary>
public sealed record DigestGoal(GoalView Goal, bool CanAsk);

/// <summary>One person's digest: ideas to act on (oldest unanswered first), goals at risk or overdue, the teams' last pulse results.</summary>
public sealed record DigestView(DateTimeOffset Since, IReadOnlyList<DigestIdea> Ideas, IReadOnlyList<DigestPulse> Pulse)
{
    public IReadOnlyList<DigestGoal> Goals { get; init; } = [];

    /// <summary>A question for the reader's own reflection as a leader (only when they lead a team); no answer is asked for.</summary>
    public Question? ForLeader { get; init; }

    public bool IsEmpty => Ideas.Count == 0 && Pulse.Count == 0 && Goals.Count == 0;
}

/// <summary>
/// The weekly leader digest. Leaders answer ideas right in it (Action.Execute, checked on the server) and the card
/// comes back updated; partner roles see the same without the answer forms. Long lists stop at <see cref="MaxIdeas"/>
/// and point to "idéer", so the card stays within Teams' size limit for any number of teams and ideas.
/// </summary>
public static class DigestCard
{
    public const int MaxGoals = 8;
    public const int MaxIdeas = 8;

    public static JsonObject Build(DigestView digest, Language language, string? notice = null, bool weekly = true)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["digest.title"]) };
        if (notice is not null)
        {
            body.Add(Text(notice, bold: true, color: "Good"));
        }
        body.Add(Text(t["digest.ideas"], bold: true));
        if (digest.Ideas.Count == 0) body.Add(Text(t["digest.noIdeas"], subtle: true));
        var since = digest.Since.ToString("o", CultureInfo.InvariantCulture);
        foreach (var item in digest.Ideas.Take(MaxIdeas)) body.Add(IdeaBlock(item, t, since));
        if (digest.Ideas.Count > MaxIdeas) body.Add(Text(t.Format("digest.moreIdeas", digest.Ideas.Count - MaxIdeas), subtle: true));

        if (digest.Goals.Count > 0)
        {
            body.Add(Text(t["digest.goals"], bold: true));
            foreach (var goal in digest.Goals.Take(MaxGoals)) body.Add(GoalBlock(goal, t));
            if (digest.Goals.Count > MaxGoals) body.Add(Text(t.Format("digest.moreGoals", digest.Goals.Count - MaxGoals), subtle: true));
        }

        body.Add(Text(t["digest.pulse"], bold: true));
        if (digest.Pulse.Count == 0) body.Add(Text(t["digest.noPulse"], subtle: true));
        foreach (var pulse in digest.Pulse)
        {
            var mean = pulse.Mean is { } m ? t.Format("digest.mean", m.ToString("0.0", language.Culture())) : t["digest.reflection"];
            var line = Labelled(Written(pulse.TeamName, bold: true),
                Written($"{t.Quote(Embedded(pulse.Question.In(language).Text))} — {mean} ({t.Format("pulse.result.count", pulse.Answers)})"));
            if (pulse.Mean is not null && pulse.Question.HasScale) line["items"]!.AsArray().Add(PulseCards.ScaleEnds(pulse.Question, language));
            body.Add(line);
        }
        if (digest.ForLeader is { } question)
        {
            body.Add(Text(t["digest.forLeader"], bold: true));
            body.Add(Written(question.In(language).Text));
            body.Add(Text(t["digest.forLeader.note"], subtle: true));
        }
        body.Add(Text(t["digest.footer"], subtle: true));
        var toggle = Execute(t[weekly ? "digest.turnOff" : "digest.turnOn"], DigestVerbs.Cadence, new DigestCadencePayload(weekly ? "off" : "weekly"));
        return Card(body, [toggle]);
    }

    /// <summary>A goal at risk or overdue, with one tap to ask the team how it is going (a check-in card in their channel).</summary>
    private static JsonObject GoalBlock(DigestGoal item, Texts t)
    {
        var goal = item.Goal;
        var items = new JsonArray([.. GoalCards.Summary(goal, t)]);
        if (goal.Latest is { } latest) items.Add(Text(t.Format("goal.list.latest", t[$"goal.status.{latest.Status}"], goal.CheckIns), subtle: true));
        if (!item.CanAsk) return new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items };
        items.Add(ActionSet(Execute(t["digest.askTeam"], DigestVerbs.AskTeam, new GoalRef(goal.TeamId, goal.GoalId))));
        return new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items };
    }

    private static JsonObject IdeaBlock(DigestIdea item, Texts t, string since)
    {
        var idea = item.Idea;
        var team = idea.TeamName is null ? "" : " · " + Embedded(idea.TeamName);
        var items = new JsonArray(
            Written(idea.Title, bold: true),
            Written($"{t[$"idea.category.{idea.Category}"]}{team} · {t.Format("digest.supporters", idea.Supporters)} · {t.Format("digest.age", item.AgeDays)}",
                subtle: true));
        if (item.Waiting)
        {
            var flag = Text(t.Format("idea.list.waiting", item.AgeDays), bold: true, color: "Attention");
            flag["spacing"] = "None";
            items.Add(flag);
        }
        if (idea.NextStatuses.Count > 0)
        {
            items.Add(ActionSet(IdeaCards.LeaderAnswer(idea, t, DigestVerbs.Decide, since)));
        }
        return new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items };
    }
}
