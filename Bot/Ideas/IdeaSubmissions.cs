using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Scheduling;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// Sending an idea, from the "idé" command's card (Action.Execute) or from a dialog (a card button or the messaging
/// extension). The idea's id comes from the activity's id, so Teams delivering the same submit twice stores one idea.
/// </summary>
public sealed class IdeaSubmissions(IdeaRepository ideas, IdeaTeams teams, JobRepository jobs, TimeProvider clock)
{
    private sealed record Outcome(Idea? Idea, string? Problem, IdeaDraft Draft, IReadOnlyList<TeamChoice> Teams);

    public async Task ShowFormAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var language = LanguageResolver.FromLocale(turnContext.Activity.Locale);
        var choices = await teams.OfCallerAsync(turnContext, ct);
        await turnContext.SendActivityAsync(choices.Count == 0
            ? MessageFactory.Text(Texts.For(language)["idea.noTeams"])
            : CardMessage.From(IdeaFormCard.Build(language, choices, IdeaCategory.All, new IdeaDraft(), inDialog: false)), ct);
    }

    /// <summary>The form in a dialog, with <paramref name="description"/> filled in (the message it was made from).</summary>
    public async Task<TaskModuleResponse> OpenDialogAsync(ITurnContext turnContext, string? description, CancellationToken ct)
    {
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        var choices = await teams.OfCallerAsync(turnContext, ct);
        if (choices.Count == 0) return Dialogs.Message(t["idea.noTeams"]);
        var draft = new IdeaDraft(Description: description is null ? null : Shorten(description, IdeaVerbs.MaxDescription));
        return Dialogs.Form(t, IdeaFormCard.Build(t.Language, choices, IdeaCategory.All, draft, inDialog: true));
    }

    public async Task<AdaptiveCardInvokeResponse> SubmitFromCardAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        var outcome = await SubmitAsync(turnContext, CardData.Of(invoke), ct);
        if (outcome.Idea is { } idea)
        {
            return InvokeResponses.Card(IdeaCards.Submitted(IdeaViews.Of(idea, withLeaderAnswer: false), t.Language));
        }
        return outcome.Teams.Count == 0
            ? InvokeResponses.Message(outcome.Problem!)
            : InvokeResponses.Card(IdeaFormCard.Build(t.Language, outcome.Teams, IdeaCategory.All, outcome.Draft, inDialog: false, outcome.Problem));
    }

    public async Task<TaskModuleResponse> SubmitFromDialogAsync(ITurnContext turnContext, JObject? data, CancellationToken ct)
    {
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        var outcome = await SubmitAsync(turnContext, data ?? [], ct);
        if (outcome.Idea is { } idea) return Dialogs.Message(t.Format("idea.submitted", idea.TeamName ?? ""));
        return outcome.Teams.Count == 0
            ? Dialogs.Message(outcome.Problem!)
            : Dialogs.Form(t, IdeaFormCard.Build(t.Language, outcome.Teams, IdeaCategory.All, outcome.Draft, inDialog: true, outcome.Problem));
    }

    private async Task<Outcome> SubmitAsync(ITurnContext turnContext, JObject data, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var t = Texts.ForLocale(activity.Locale);
        var tenantId = TeamsConversation.TenantId(activity);
        var person = activity.From?.AadObjectId;
        var draft = new IdeaDraft(
            SingleLine(CardData.String(data, "title")),
            CardData.String(data, "description")?.Trim(),
            CardData.String(data, "category"),
            CardData.String(data, "team"),
            CardData.String(data, "anonymous") is "true" or "True");
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(person)) return new Outcome(null, t["error.notAllowed"], draft, []);
        var choices = await teams.OfCallerAsync(turnContext, ct);
        if (choices.Count == 0) return new Outcome(null, t["idea.noTeams"], draft, []);

        var team = choices.FirstOrDefault(c => c.TeamId == draft.TeamId);
        var problem =
            string.IsNullOrEmpty(draft.Title) || draft.Title.Length > IdeaVerbs.MaxTitle ? t["idea.error.title"]
            : draft.Description?.Length > IdeaVerbs.MaxDescription ? t["idea.error.description"]
            : !IdeaCategory.All.Contains(draft.Category) ? t["idea.error.category"]
            : team is null ? t["idea.error.team"]
            : null;
        if (problem is not null) return new Outcome(null, problem, draft, choices);

        var now = clock.GetUtcNow();
        var idea = new Idea
        {
            TenantId = tenantId,
            TeamId = team!.TeamId,
            TeamName = team.Name,
            IdeaId = StableIds.For(tenantId, activity.Id),
            Title = draft.Title!,
            Description = draft.Description ?? "",
            Category = draft.Category!,
            Anonymous = draft.Anonymous,
            SubmitterAadObjectId = person,
            SubmitterUserId = activity.From!.Id,
            SubmitterName = draft.Anonymous ? null : activity.From.Name,
            CreatedAt = now,
            StatusChangedAt = now,
        };
        if (!await ideas.TryAddAsync(idea, ct))
        {
            idea = await ideas.GetAsync(idea.TenantId, idea.TeamId, idea.IdeaId, ct) ?? idea; // delivered twice: the first one stands
        }
        await jobs.ScheduleAsync(IdeaJobs.Post(idea), ct); // also after a retry, in case the first attempt stopped in between
        return new Outcome(idea, null, draft, choices);
    }

    /// <summary>A title is one line: line breaks and other control characters become spaces.</summary>
    private static string? SingleLine(string? text) =>
        text is null ? null : new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
