using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Ideas;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// The messaging extension's "Søk idéer" / "Search ideas": the ideas of the caller's teams (one partition query per
/// team, reading only the summary columns, kept by <see cref="IdeaSearchIndex"/>), matched word by word against title, description, status and category in the caller's language, newest
/// first. The chosen idea is inserted as a read-only card.
/// </summary>
public sealed class IdeaSearch(IdeaSearchIndex index, IdeaTeams teams)
{
    public const string CommandId = "searchIdeas";
    public const int PageSize = 25;

    public async Task<MessagingExtensionResponse> QueryAsync(ITurnContext turnContext, MessagingExtensionQuery query, CancellationToken ct)
    {
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        var tenantId = TeamsConversation.TenantId(turnContext.Activity);
        var words = string.Join(' ', query.Parameters?.Where(p => p.Name != "initialRun").Select(p => p.Value?.ToString()) ?? [])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var found = new List<IdeaSummary>();
        if (!string.IsNullOrEmpty(tenantId))
        {
            var mine = await teams.OfCallerAsync(turnContext, ct);
            foreach (var list in await Task.WhenAll(mine.Select(team => index.GetAsync(tenantId, team.TeamId, ct))))
            {
                found.AddRange(list.Where(idea => words.All(word => Matches(idea, word, t))));
            }
        }
        var page = found.OrderByDescending(i => i.CreatedAt)
            .Skip(Math.Max(0, query.QueryOptions?.Skip ?? 0))
            .Take(Math.Clamp(query.QueryOptions?.Count ?? PageSize, 1, PageSize));
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

    private static bool Matches(IdeaSummary idea, string word, Texts t) =>
        idea.Title.Contains(word, StringComparison.CurrentCultureIgnoreCase)
        || idea.Description.Contains(word, StringComparison.CurrentCultureIgnoreCase)
        || t[$"idea.status.{idea.Status}"].Contains(word, StringComparison.CurrentCultureIgnoreCase)
        || t[$"idea.category.{idea.Category}"].Contains(word, StringComparison.CurrentCultureIgnoreCase);

    /// <summary>Only what HTML would interpret is escaped: WebUtility.HtmlEncode also turns æ, ø, å and · into entities.</summary>
    private static string HtmlText(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    /// <summary>The card to insert, with a preview for the result list (plain text there: HTML-encoded).</summary>
    private static MessagingExtensionAttachment Result(IdeaSummary idea, Texts t) => new()
    {
        ContentType = AdaptiveCardJson.ContentType,
        Content = JObject.Parse(IdeaCards.Idea(IdeaViews.Of(idea), t.Language, withActions: false).ToJsonString()),
        Preview = new ThumbnailCard
        {
            Title = HtmlText(idea.Title),
            Text = HtmlText($"{t[$"idea.status.{idea.Status}"]} · {t[$"idea.category.{idea.Category}"]} · {idea.TeamName}"),
        }.ToAttachment(),
    };
}
