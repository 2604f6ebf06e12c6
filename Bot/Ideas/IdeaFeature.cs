using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Ideas;

/// <summary>Ideas: their routes (commands, card buttons, dialogs, the messaging extension) and jobs.</summary>
public static class IdeaFeature
{
    public static IServiceCollection AddIdeas(this IServiceCollection services)
    {
        services.AddSingleton<IdeaRepository>();
        services.AddSingleton<IdeaTeams>();
        services.AddSingleton<IdeaChannel>();
        services.AddOptions<IdeaSearchOptions>().BindConfiguration(IdeaSearchOptions.Section);
        services.AddSingleton<IdeaSearchIndex>();
        services.AddSingleton<IJobHandler, IdeaPostJob>();
        services.AddSingleton<IJobHandler, IdeaRefreshJob>();
        services.AddSingleton<IJobHandler, IdeaDecisionJob>();
        services.AddSingleton<IJobHandler, IdeaParkedJob>();
        services.AddSingleton<IJobHandler, IdeaFollowUpJob>();

        services.AddCommand<IdeaSubmissions>("idea", Access.Person, (h, turn, ct) => h.ShowFormAsync(turn, ct));
        services.AddAction<IdeaSubmissions>(IdeaVerbs.Submit, Access.Person, (h, turn, ct) => h.SubmitFromCardAsync(turn, ct));
        services.AddRoute<IdeaSubmissions>(RouteKind.DialogOpen, IdeaVerbs.Open, Access.Person, (h, turn, ct) => h.OpenDialogAsync(turn, ct));
        services.AddRoute<IdeaSubmissions>(RouteKind.DialogSubmit, IdeaVerbs.Submit, Access.Person, (h, turn, ct) => h.SubmitFromDialogAsync(turn, ct));
        services.AddRoute<MessagingExtension>(RouteKind.ExtensionOpen, MessagingExtension.FromMessageCommand, Access.Person, (h, turn, ct) => h.OpenFromMessageAsync(turn, ct));
        services.AddRoute<MessagingExtension>(RouteKind.ExtensionOpen, MessagingExtension.FromComposeCommand, Access.Person, (h, turn, ct) => h.OpenFromComposeAsync(turn, ct));
        services.AddRoute<IdeaSubmissions>(RouteKind.ExtensionSubmit, MessagingExtension.FromMessageCommand, Access.Person, (h, turn, ct) => h.SubmitFromDialogAsync(turn, ct));
        services.AddRoute<IdeaSubmissions>(RouteKind.ExtensionSubmit, MessagingExtension.FromComposeCommand, Access.Person, (h, turn, ct) => h.SubmitFromDialogAsync(turn, ct));
        services.AddRoute<IdeaSearch>(RouteKind.ExtensionQuery, IdeaSearch.CommandId, Access.Person, (h, turn, ct) => h.QueryAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, IdeaVerbs.Submit, new FormField("title", "idea.form.titleLabel"), new FormField("description", "idea.form.description"));
        services.AddFormInputs(RouteKind.DialogSubmit, IdeaVerbs.Submit, new FormField("title", "idea.form.titleLabel"), new FormField("description", "idea.form.description"));
        services.AddFormInputs(RouteKind.ExtensionSubmit, MessagingExtension.FromMessageCommand, new FormField("title", "idea.form.titleLabel"), new FormField("description", "idea.form.description"));
        services.AddFormInputs(RouteKind.ExtensionSubmit, MessagingExtension.FromComposeCommand, new FormField("title", "idea.form.titleLabel"), new FormField("description", "idea.form.description"));

        services.AddAction<IdeaReactions>(IdeaVerbs.Support, Access.Member, (h, turn, ct) => h.SupportAsync(turn, ct));
        services.AddAction<IdeaReactions>(IdeaVerbs.Comment, Access.Member, (h, turn, ct) => h.CommentAsync(turn, ct));
        services.AddAction<IdeaReactions>(IdeaVerbs.FollowUp, Access.Member, (h, turn, ct) => h.FollowUpAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, IdeaVerbs.Comment, new FormField(IdeaCommentPayload.CommentInput, "idea.comment.label"));

        var leaders = Access.Holding(Role.Leaders, "idea.leadersOnly");
        services.AddAction<IdeaDecisions>(IdeaVerbs.Status, leaders, (h, turn, ct) => h.DecideFromCardAsync(turn, ct));
        services.AddAction<IdeaDecisions>(IdeaVerbs.Share, leaders, (h, turn, ct) => h.ShareAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, IdeaVerbs.Status, new FormField(IdeaVerbs.ReasonInput(""), "idea.answer.reason", IdIsPrefix: true));

        services.AddCommand<IdeaLists>("myIdeas", Access.Person, (h, turn, ct) => h.MineAsync(turn, ct), answerPrivately: true);
        services.AddCommand<IdeaLists>("ideas", Access.Person, (h, turn, ct) => h.OpenForLeaderAsync(turn, ct));
        services.AddCommand<IdeaLists>("sharedIdeas", Access.Person, (h, turn, ct) => h.SharedAsync(turn, ct));
        return services;
    }
}
