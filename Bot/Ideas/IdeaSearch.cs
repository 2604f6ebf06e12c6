using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Ideas;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// The messaging extension's "Søk idéer" / "Search ideas": the ideas of the caller's teams (one partition query per
/// team, reading only the summary columns, kept by <see cref="IdeaSearchIndex"/>), matched word by word against title, description, status and category in the caller's language, newest
/// first. The chosen idea is inserted as a read-only card.
/// </summary>
public sealed class IdeaSearch(IdeaSearchIndex index, IdeaTeams teams, TimeProvider clock)
{
    public const string CommandId = "searchIdeas";
    public const int PageSize = 25;
    public static readonly TimeSpan FirstReadPatience = TimeSpan.FromSeconds(3.5);

    public async Task<MessagingExtensionResponse> QueryAsync(ITurnContext turnContext, MessagingExtensionQuery query, CancellationToken ct)
    {
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        var tenantId = TeamsConversation.TenantId(turnContext.Activity);
        var words = string.Join(' ', query.Parameters?.Where(p => p.Name != "initialRun").Select(p => p.Value?.ToString()) ?? [])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var skip = Math.Max(0, query.QueryOptions?.Skip ?? 0);
        var take = Math.Clamp(query.QueryOptions?.Count ?? PageSize, 1, PageSize);
        var found = new List<IdeaSummary>();
        if (!string.IsNullOrEmpty(tenantId))
        {
            var matchers = words.Select(word => Matcher.For(word, t)).ToList();
            var mine = await teams.OfCallerAsync(turnContext, ct);
            IReadOnlyList<IdeaSummary>[] lists;
            try
            {
                lists = await Task.WhenAll(mine.Select(team => index.GetAsync(tenantId, team.TeamId, ct))).WaitAsync(FirstReadPatience, clock, ct);
            }
            catch (TimeoutException)
            {
                // Only the first search of a large team after start-up waits this long (100,000 ideas: about 6 s): a
                // clear "try again" rather than Teams' own error after its 5 s. The read goes on in the background.
                return Message(t["idea.search.warming"]);
            }
            // Each team's list is newest first, so the page's ideas are among each team's first skip + take matches:
            // a search stops there instead of matching every idea of a large team.
            foreach (var list in lists)
            {
                found.AddRange(list.Where(idea => matchers.All(m => m.Matches(idea))).Take(skip + take));
            }
        }
        var page = found.OrderByDescending(i => i.CreatedAt).Skip(skip).Take(take);
        return new MessagingExtensionResponse
        {
            ComposeExtension = new MessagingExtensionResult
            {
                Type = "result",
                AttachmentLayout = "list",
                Attachments = [.. page.Select(idea => Result(idea, t))],
            },
        };
    }

    private static MessagingExtensionResponse Message(string text) =>
        new() { ComposeExtension = new MessagingExtensionResult { Type = "message", Text = text } };

    /// <summary>
    /// One search word: found in the title or description (ordinal, ignoring case: fast over thousands of ideas), or
    /// naming a status or category in the reader's language (worked out once per search, not per idea).
    /// </summary>
    private sealed record Matcher(string Word, HashSet<string> Statuses, HashSet<string> Categories)
    {
        public static Matcher For(string word, Texts t) => new(word,
            [.. IdeaStatus.All.Where(s => t[$"idea.status.{s}"].Contains(word, StringComparison.OrdinalIgnoreCase))],
            [.. IdeaCategory.All.Where(c => t[$"idea.category.{c}"].Contains(word, StringComparison.OrdinalIgnoreCase))]);

        public bool Matches(IdeaSummary idea) =>
            Statuses.Contains(idea.Status) || Categories.Contains(idea.Category)
            || idea.Title.Contains(Word, StringComparison.OrdinalIgnoreCase) || idea.Description.Contains(Word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Only what HTML would interpret is escaped: WebUtility.HtmlEncode also turns æ, ø, å and · into entities.</summary>
    private static string HtmlText(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    /// <summary>The card to insert, with a preview for the result list (plain text there: HTML-encoded).</summary>
    private static MessagingExtensionAttachment Result(IdeaSummary idea, Texts t) => new()
    {
        ContentType = AdaptiveCardJson.ContentType,
        Content = CardMessage.Json(IdeaCards.Idea(IdeaViews.Of(idea), t.Language, withActions: false)),
        Preview = new ThumbnailCard
        {
            Title = HtmlText(idea.Title),
            Text = HtmlText($"{t[$"idea.status.{idea.Status}"]} · {t[$"idea.category.{idea.Category}"]} · {idea.TeamName}"),
        }.ToAttachment(),
    };
}
