using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Ideas;

/// <summary>
/// A list of ideas ("mine idéer", "idéer", "delte idéer"): one short block each, the leader's answer folded in
/// where they may give one. Long lists stop at <see cref="MaxShown"/>, so the card stays within Teams' size limit.
/// </summary>
public static class IdeaListCard
{
    public const int MaxShown = 10;

    /// <summary>About three lines on a phone (a RichTextBlock has no maxLines).</summary>
    public const int MaxDescription = 140;

    public static JsonObject Build(string heading, IReadOnlyList<IdeaView> ideas, Language language, DateTimeOffset now, string emptyText,
        int flagAfterDays = int.MaxValue)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(heading) };
        if (ideas.Count == 0) body.Add(Text(emptyText, subtle: true));
        foreach (var idea in ideas.Take(MaxShown))
        {
            var items = new JsonArray([.. IdeaCards.Summary(idea, t)]);
            var age = (int)(now - (idea.LastDecision?.At ?? idea.CreatedAt)).TotalDays;
            if (idea.LastDecision is null && age >= flagAfterDays) items.Add(Text(t.Format("idea.list.waiting", age), bold: true, color: "Attention"));
            if (idea.LastDecision is { } decision) items.Add(Written($"{t["idea.card.answer"]}: {Embedded(decision.Reason)}", subtle: true));
            if (idea.Description.Length > 0) items.Add(Written(Shorten(idea.Description, MaxDescription)));
            if (idea.NextStatuses.Count > 0 || idea.CanShare)
            {
                items.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(IdeaCards.LeaderAnswer(idea, t)) });
            }
            body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["spacing"] = "Medium", ["items"] = items });
        }
        if (ideas.Count > MaxShown) body.Add(Text(t.Format("idea.list.more", ideas.Count - MaxShown), subtle: true));
        return Card(body);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";
}
