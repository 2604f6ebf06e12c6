using CareCompanion.Cards.Localization;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace CareCompanion.Bot.Hosting;

/// <summary>
/// The Bot Framework adapter with CareCompanion's last-resort error handling: log the exception, tell the user in
/// their language that something went wrong, and never show them exception text.
/// </summary>
public sealed class ErrorHandlingAdapter : CloudAdapter
{
    public ErrorHandlingAdapter(BotFrameworkAuthentication auth, ILogger<ErrorHandlingAdapter> logger)
        : base(auth, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            logger.LogError(exception, "Unhandled error in a {Type} turn in conversation {ConversationId}.",
                activity.Type, activity.Conversation?.Id);
            try
            {
                await turnContext.SendActivityAsync(Texts.ForLocale(activity.Locale)["error.generic"]);
            }
            catch (Exception sendError)
            {
                logger.LogError(sendError, "Could not tell the user about the error.");
            }
        };
    }
}
