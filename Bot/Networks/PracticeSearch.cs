using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Networks;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// Practice cards in the messaging extension's search: those the caller's teams may read (<see cref="PracticeReaders"/>),
/// matched word by word against their texts, unit, municipality and theme in the reader's language, newest first.
/// </summary>
public sealed class PracticeSearch(PracticeReaders readers, IdeaTeams teams) : ISearchSource
{
    public const int Max = 10;

    public async Task<IReadOnlyList<SearchResult>> FindAsync(Turn turn, IReadOnlyList<string> words, CancellationToken ct)
    {
        var t = turn.T;
        var mine = await teams.OfCallerAsync(turn, ct);
        if (mine.Count == 0) return [];
        var results = new List<SearchResult>();
        foreach (var (card, label) in (await readers.VisibleAsync(turn.TenantId!, [.. mine.Select(m => m.TeamId)], t, ct)).OrderByDescending(c => c.Card.SharedAt))
        {
            var view = await readers.ViewAsync(card, label, t, ct);
            string[] texts = [view.What, view.Why, view.Result, view.Lesson, view.Team, view.Municipality, t[$"network.theme.{view.Theme}"]];
            if (!words.All(word => texts.Any(text => text.Contains(word, StringComparison.OrdinalIgnoreCase)))) continue;
            results.Add(new SearchResult(PracticeCards.Practice(view, t.Language), view.What, $"{t["practice.card.kind"]} · {view.Team} · {view.Municipality}"));
            if (results.Count == Max) break;
        }
        return results;
    }
}
