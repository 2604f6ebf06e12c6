using CareCompanion.Bot.Commands;
using CareCompanion.Bot.Digest;
using CareCompanion.Bot.Goals;
using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Installation;
using CareCompanion.Bot.Privacy;
using CareCompanion.Bot.Pulse;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Privacy;
using CareCompanion.Cards.Pulse;
using CareCompanion.Cards.Roles;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace CareCompanion.Bot;

/// <summary>
/// The Teams entry point. It only dispatches: each feature lives in its own folder and never sees this class.
/// </summary>
public sealed class CareCompanionBot(
    InstallationHandler installation,
    CommandRouter commands,
    PulseAnswers pulseAnswers,
    PulseSettingsHandler pulseSettings,
    TeamQuestionHandler teamQuestions,
    PrivacyRequests privacy,
    IdeaSubmissions ideaSubmissions,
    IdeaDecisions ideaDecisions,
    IdeaReactions ideaReactions,
    IdeaSearch ideaSearch,
    MessagingExtension messagingExtension,
    DigestActions digest,
    GoalActions goals,
    RolesHandler roles)
    : TeamsActivityHandler
{
    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        invokeValue.Action?.Verb switch
        {
            PulseCards.AnswerVerb => pulseAnswers.HandleAsync(turnContext, invokeValue, cancellationToken),
            PulseSettingsCard.SaveVerb => pulseSettings.SaveAsync(turnContext, invokeValue, cancellationToken),
            TeamQuestionCard.AddVerb => teamQuestions.AddAsync(turnContext, invokeValue, cancellationToken),
            PrivacyCards.DeleteVerb => privacy.DeleteAsync(turnContext, cancellationToken),
            IdeaVerbs.Submit => ideaSubmissions.SubmitFromCardAsync(turnContext, invokeValue, cancellationToken),
            IdeaVerbs.Status => ideaDecisions.DecideAsync(turnContext, invokeValue, cancellationToken),
            IdeaVerbs.Share => ideaDecisions.ShareAsync(turnContext, invokeValue, cancellationToken),
            IdeaVerbs.Support => ideaReactions.SupportAsync(turnContext, invokeValue, cancellationToken),
            IdeaVerbs.Comment => ideaReactions.CommentAsync(turnContext, invokeValue, cancellationToken),
            IdeaVerbs.FollowUp => ideaReactions.FollowUpAsync(turnContext, invokeValue, cancellationToken),
            DigestCard.DecideVerb => digest.DecideAsync(turnContext, invokeValue, cancellationToken),
            DigestCard.CadenceVerb => digest.SetCadenceAsync(turnContext, invokeValue, cancellationToken),
            DigestCard.AskTeamVerb => digest.AskTeamAsync(turnContext, invokeValue, cancellationToken),
            GoalVerbs.Create => goals.CreateAsync(turnContext, invokeValue, cancellationToken),
            RolesCard.SetVerb => roles.SetAsync(turnContext, invokeValue, cancellationToken),
            GoalVerbs.CheckIn => goals.CheckInAsync(turnContext, invokeValue, cancellationToken),
            GoalVerbs.Close => goals.CloseAsync(turnContext, invokeValue, cancellationToken),
            GoalVerbs.Redate => goals.RedateAsync(turnContext, invokeValue, cancellationToken),
            _ => Task.FromResult(InvokeResponses.Message(Texts.ForLocale(((ITurnContext)turnContext).Activity.Locale)["command.unknown"])),
        };

    // Dialogs opened by a card button ("Ny idé" on the welcome and pulse cards; from a pulse card, with what the person reflected).
    protected override async Task<TaskModuleResponse> OnTeamsTaskModuleFetchAsync(ITurnContext<IInvokeActivity> turnContext,
        TaskModuleRequest taskModuleRequest, CancellationToken cancellationToken)
    {
        var data = taskModuleRequest.Data as JObject ?? [];
        var reflection = await pulseAnswers.MyCommentAsync(turnContext, CardData.String(data, "team"), CardData.String(data, "round"), cancellationToken);
        return await ideaSubmissions.OpenDialogAsync(turnContext, reflection, cancellationToken);
    }

    protected override Task<TaskModuleResponse> OnTeamsTaskModuleSubmitAsync(ITurnContext<IInvokeActivity> turnContext, TaskModuleRequest taskModuleRequest,
        CancellationToken cancellationToken) =>
        ideaSubmissions.SubmitFromDialogAsync(turnContext, taskModuleRequest.Data as JObject, cancellationToken);

    protected override Task<MessagingExtensionActionResponse> OnTeamsMessagingExtensionFetchTaskAsync(ITurnContext<IInvokeActivity> turnContext,
        MessagingExtensionAction action, CancellationToken cancellationToken) =>
        messagingExtension.FetchTaskAsync(turnContext, action, cancellationToken);

    protected override Task<MessagingExtensionActionResponse> OnTeamsMessagingExtensionSubmitActionAsync(ITurnContext<IInvokeActivity> turnContext,
        MessagingExtensionAction action, CancellationToken cancellationToken) =>
        messagingExtension.SubmitAsync(turnContext, action, cancellationToken);

    protected override Task<MessagingExtensionResponse> OnTeamsMessagingExtensionQueryAsync(ITurnContext<IInvokeActivity> turnContext,
        MessagingExtensionQuery query, CancellationToken cancellationToken) =>
        ideaSearch.QueryAsync(turnContext, query, cancellationToken);

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        commands.HandleAsync(turnContext, cancellationToken);

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        installation.OnInstalledAsync(turnContext, cancellationToken);

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        installation.OnRemovedAsync(turnContext, cancellationToken);

    // Handled here rather than in OnTeamsMembersAdded: the base class would fetch each added person's profile
    // from the connector, a round trip the bot does not need.
    protected override Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        if (activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            return installation.OnInstalledAsync(turnContext, cancellationToken);
        }
        if (activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            return installation.OnRemovedAsync(turnContext, cancellationToken);
        }
        return Task.CompletedTask;
    }
}
