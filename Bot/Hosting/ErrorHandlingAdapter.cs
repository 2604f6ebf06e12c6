using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Hosting;

/// <summary>
/// The Bot Framework adapter with CareCompanion's last-resort error handling: log the exception, tell the person in
/// their language (the one they chose, as every answer) that something went wrong, and never show them exception text.
/// A card button, dialog or search gets that answer as its invoke response, seen only by whoever acted (without one,
/// the adapter would answer 501: "not implemented" to Teams). Only a typed message gets the answer as a message, where
/// it was typed; a failed event (install, members leaving) posts nothing: nobody asked, and a channel would see it.
/// </summary>
public sealed class ErrorHandlingAdapter : CloudAdapter
{
    public ErrorHandlingAdapter(BotFrameworkAuthentication auth, ActivityLanguage language, ILogger<ErrorHandlingAdapter> logger)
        : base(auth, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            logger.LogError(exception, "Unhandled error in a {Type} turn in conversation {ConversationId}.",
                activity.Type, activity.Conversation?.Id);
            if (activity.Type is not (ActivityTypes.Invoke or ActivityTypes.Message)) return;
            try
            {
                var text = (await TextsAsync(language, turnContext))["error.generic"];
                await turnContext.SendActivityAsync(activity.Type == ActivityTypes.Invoke
                    ? new Activity { Type = ActivityTypesEx.InvokeResponse, Value = InvokeAnswer(activity.Name, text) }
                    : MessageFactory.Text(text));
            }
            catch (Exception sendError)
            {
                logger.LogError(sendError, "Could not tell the user about the error.");
            }
        };
    }

    /// <summary>The person's language; if even that cannot be read, their Teams client's, so an invoke still gets its answer.</summary>
    private static async Task<Texts> TextsAsync(ActivityLanguage language, ITurnContext context)
    {
        try
        {
            return await language.TextsAsync(context, CancellationToken.None);
        }
        catch (Exception)
        {
            return Texts.ForLocale(context.Activity.Locale);
        }
    }

    /// <summary>The error as the invoke's own kind of answer, which Teams shows where the person acted.</summary>
    private static InvokeResponse InvokeAnswer(string? name, string text) => name switch
    {
        "adaptiveCard/action" => new InvokeResponse { Status = 200, Body = TeamsReplies.ErrorResponse(text) },
        "task/fetch" or "task/submit" => new InvokeResponse { Status = 200, Body = TeamsReplies.ForDialog(Reply.Text(text)) },
        "composeExtension/fetchTask" or "composeExtension/submitAction" => new InvokeResponse { Status = 200, Body = TeamsReplies.ForExtensionAction(Reply.Text(text)) },
        "composeExtension/query" => new InvokeResponse { Status = 200, Body = TeamsReplies.ForExtensionQuery(Reply.Text(text)) },
        _ => new InvokeResponse { Status = 500 },
    };
}
