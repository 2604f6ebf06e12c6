using CareCompanion.Bot.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Hosting;

/// <summary>
/// The Bot Framework adapter with CareCompanion's last-resort error handling: log the exception, tell the user in
/// their language (the one they chose, as every answer) that something went wrong, and never show them exception text. A card button, dialog or search gets
/// that answer as its invoke response (without one, the adapter would answer 501: "not implemented" to Teams).
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
            try
            {
                var text = (await language.TextsAsync(turnContext, CancellationToken.None))["error.generic"];
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
