using CareCompanion.Bot.Limits;
using CareCompanion.Bot.Pulse;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Json;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// Sending an idea, from the "idé" command's card (Action.Execute) or from a dialog (a card button or the messaging
/// extension). Each form is built with a one-time id, and the idea's id comes from it (<see cref="StableIds.ForForm"/>):
/// the same form sent twice by the same person — redelivered by Teams, or sent again after a storage fault or a lost
/// answer — stores one idea. Ideas made from a meeting's action or a circle's pick are made and stored here too
/// (<see cref="NewIdea"/>, <see cref="AddAndPostAsync"/>).
/// </summary>
public sealed class IdeaSubmissions(IdeaRepository ideas, IdeaTeams teams, PulseAnswers pulseAnswers, AnswerKeys keys, JobRepository jobs,
    PersonLimits limits, TimeProvider clock)
{
    private sealed record Outcome(Idea? Idea, string? Problem, IdeaDraft Draft, IReadOnlyList<TeamChoice> Teams);

    public async Task<Reply> ShowFormAsync(Turn turn, CancellationToken ct)
    {
        var choices = await teams.OfCallerAsync(turn, ct);
        return choices.Count == 0
            ? Reply.Text(turn.T["idea.noTeams"])
            : Reply.Card(IdeaFormCard.Build(turn.Language, choices, IdeaCategory.All, new IdeaDraft(FormId: StableIds.NewFormId()), inDialog: false));
    }

    /// <summary>
    /// "Ny idé" on a card: the form in a dialog; from a pulse card, starting from what the person reflected, and then
    /// anonymous unless they choose otherwise (the reflection was anonymous).
    /// </summary>
    public async Task<Reply> OpenDialogAsync(Turn turn, CancellationToken ct)
    {
        var reflection = await pulseAnswers.MyCommentAsync(turn, turn.Payload<IdeaOpenPayload>(), ct);
        return await OpenDialogAsync(turn, reflection, ct, anonymous: reflection is not null);
    }

    /// <summary>The form in a dialog, with <paramref name="description"/> filled in (a reflection, or the message it was made from).</summary>
    public async Task<Reply> OpenDialogAsync(Turn turn, string? description, CancellationToken ct, bool anonymous = false)
    {
        var choices = await teams.OfCallerAsync(turn, ct);
        if (choices.Count == 0) return Reply.Text(turn.T["idea.noTeams"]);
        var draft = new IdeaDraft(Description: description is null ? null : Shorten(description, IdeaVerbs.MaxDescription), Anonymous: anonymous,
            FormId: StableIds.NewFormId());
        return Form(turn, IdeaFormCard.Build(turn.Language, choices, IdeaCategory.All, draft, inDialog: true));
    }

    public async Task<Reply> SubmitFromCardAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var outcome = await SubmitAsync(turn, ct);
        if (outcome.Idea is { } idea)
        {
            return Reply.Card(IdeaCards.Submitted(IdeaViews.Of(idea, withLeaderAnswer: false), t.Language));
        }
        return outcome.Teams.Count == 0
            ? Reply.Text(outcome.Problem!)
            : Reply.Card(IdeaFormCard.Build(t.Language, outcome.Teams, IdeaCategory.All, outcome.Draft, inDialog: false, outcome.Problem));
    }

    public async Task<Reply> SubmitFromDialogAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var outcome = await SubmitAsync(turn, ct);
        // The team's name as its owners wrote it, isolated so its bidi characters cannot turn our sentence around.
        if (outcome.Idea is { } idea) return Reply.Text(t.Format("idea.submitted", AdaptiveCardJson.Embedded(idea.TeamName ?? "")));
        return outcome.Teams.Count == 0
            ? Reply.Text(outcome.Problem!)
            : Form(turn, IdeaFormCard.Build(t.Language, outcome.Teams, IdeaCategory.All, outcome.Draft, inDialog: true, outcome.Problem));
    }

    private static Reply Form(Turn turn, System.Text.Json.Nodes.JsonObject card) => Reply.Dialog(turn.T["idea.form.title"], card);

    private async Task<Outcome> SubmitAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var data = turn.Payload<IdeaSubmitPayload>() ?? new IdeaSubmitPayload();
        // A form sent back to be fixed keeps its id (nothing was stored); one from before form ids gets one.
        var formId = StableIds.IsFormId(data.Form) ? data.Form : null;
        var draft = new IdeaDraft(SingleLine(data.Title), data.Description?.Trim(), data.Category, data.Team, data.IsAnonymous, formId ?? StableIds.NewFormId());
        var choices = await teams.OfCallerAsync(turn, ct);
        if (choices.Count == 0) return new Outcome(null, t["idea.noTeams"], draft, []);

        var team = choices.FirstOrDefault(c => c.TeamId == draft.TeamId);
        var problem =
            string.IsNullOrEmpty(draft.Title) || draft.Title.Length > IdeaVerbs.MaxTitle ? t["idea.error.title"]
            : draft.Description?.Length > IdeaVerbs.MaxDescription ? t["idea.error.description"]
            : !IdeaCategory.All.Contains(draft.Category) ? t["idea.error.category"]
            : team is null ? t["idea.error.team"]
            : null;
        if (problem is not null) return new Outcome(null, problem, draft, choices);
        // Over the limit the form comes back as it was sent, so nothing the person wrote is lost.
        if (limits.Take(LimitKind.Ideas, turn) is { } wait) return new Outcome(null, PersonLimits.Explain(wait, t), draft, choices);

        var idea = NewIdea(turn, team!.TeamId, team.Name, StableIds.ForForm(turn.TenantId!, formId, turn.ActivityId, keys.Keyed), draft.Title!, draft.Category!)
            with { Description = draft.Description ?? "", Anonymous = draft.Anonymous, SubmitterName = draft.Anonymous ? null : turn.UserName };
        // A form id that holds someone else's idea (a form posted in a channel and filled in by two people, or a copied
        // id) never gives or changes theirs: the idea gets an id of its own, from the activity.
        idea = await AddAndPostAsync(idea, ct, idIfSomeoneElses: formId is null ? null : StableIds.For(idea.TenantId, turn.ActivityId));
        return new Outcome(idea, null, draft, choices);
    }

    /// <summary>
    /// A new idea in status New, sent now by the person in <paramref name="turn"/> (named), its title cut to what an idea holds:
    /// from the form, a meeting's action or a circle's pick.
    /// </summary>
    public Idea NewIdea(Turn turn, string teamId, string? teamName, string ideaId, string title, string category)
    {
        var now = clock.GetUtcNow();
        return new Idea
        {
            TenantId = turn.TenantId!,
            TeamId = teamId,
            TeamName = teamName,
            IdeaId = ideaId,
            Title = Shorten(title, IdeaVerbs.MaxTitle),
            Category = category,
            SubmitterAadObjectId = turn.PersonId!,
            SubmitterUserId = turn.UserId,
            SubmitterName = turn.UserName,
            CreatedAt = now,
            StatusChangedAt = now,
        };
    }

    /// <summary>
    /// Stores the idea unless this person already sent it, and posts it in the team's channel: the idea's id comes from
    /// the form or the activity, so the same tap or form delivered again finds the first one, which stands (and is posted,
    /// in case the first attempt stopped in between). An id already holding someone else's idea gives way to
    /// <paramref name="idIfSomeoneElses"/>; without one, the idea under the id stands, whoever sent it.
    /// </summary>
    public async Task<Idea> AddAndPostAsync(Idea idea, CancellationToken ct, string? idIfSomeoneElses = null)
    {
        idea = await StoreOnceAsync(idea, idIfSomeoneElses, ct);
        await jobs.ScheduleAsync(IdeaJobs.Post(idea), ct);
        return idea;
    }

    private async Task<Idea> StoreOnceAsync(Idea idea, string? idIfSomeoneElses, CancellationToken ct)
    {
        if (await ideas.TryAddAsync(idea, ct)) return idea;
        var first = await ideas.GetAsync(idea.TenantId, idea.TeamId, idea.IdeaId, ct);
        if (first is null || first.SubmitterAadObjectId == idea.SubmitterAadObjectId || idIfSomeoneElses is null) return first ?? idea;
        return await StoreOnceAsync(idea with { IdeaId = idIfSomeoneElses }, null, ct);
    }

    /// <summary>
    /// A title is one line: line breaks and other control characters become spaces. Invisible format characters go
    /// (U+202E would turn the title, and the words around it, backwards), except the zero-width joiner emoji need.
    /// </summary>
    private static string? SingleLine(string? text) =>
        text is null ? null : new string([.. text.Where(c => !IsFormat(c)).Select(c => char.IsControl(c) ? ' ' : c)]).Trim();

    private static bool IsFormat(char c) =>
        c != '\u200D' && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
