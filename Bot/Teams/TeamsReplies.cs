using CareCompanion.Cards.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace CareCompanion.Bot.Teams;

/// <summary>Turns a route's <see cref="Reply"/> into what Teams expects for the activity that asked.</summary>
public static class TeamsReplies
{
    /// <summary>For a command: the messages, sent into the conversation.</summary>
    public static async Task SendAsync(ITurnContext context, Reply reply, CancellationToken ct)
    {
        foreach (var message in Messages(reply)) await context.SendActivityAsync(message, ct);
    }

    /// <summary>The reply as the messages to send.</summary>
    public static IEnumerable<IMessageActivity> Messages(Reply reply) => reply switch
    {
        Reply.ManyReply many => many.Replies.SelectMany(Messages),
        Reply.CardReply card => [CardMessage.From(card.Content)],
        Reply.TextReply text => [MessageFactory.Text(text.Message)],
        Reply.ErrorReply error => [MessageFactory.Text(error.Message)],
        Reply.DialogReply dialog => [CardMessage.From(dialog.Form)],
        _ => [],
    };

    /// <summary>For a card button (adaptiveCard/action): the card that replaces the one clicked, or a short message.</summary>
    public static AdaptiveCardInvokeResponse ForAction(Reply reply) => reply switch
    {
        Reply.CardReply card => new AdaptiveCardInvokeResponse { StatusCode = 200, Type = AdaptiveCardJson.ContentType, Value = CardMessage.Json(card.Content) },
        Reply.DialogReply dialog => new AdaptiveCardInvokeResponse { StatusCode = 200, Type = AdaptiveCardJson.ContentType, Value = CardMessage.Json(dialog.Form) },
        Reply.ErrorReply error => ErrorResponse(error.Message),
        _ => new AdaptiveCardInvokeResponse { StatusCode = 200, Type = "application/vnd.microsoft.activity.message", Value = TextOf(reply) },
    };

    /// <summary>For task/fetch and task/submit: the dialog with its form, or a message that closes it.</summary>
    public static TaskModuleResponse ForDialog(Reply reply) => reply switch
    {
        Reply.DialogReply dialog => new TaskModuleResponse
        {
            Task = new TaskModuleContinueResponse(new TaskModuleTaskInfo
            {
                Title = dialog.Title, Card = CardMessage.ToAttachment(dialog.Form), Height = "large", Width = "medium",
            }),
        },
        _ => new TaskModuleResponse { Task = new TaskModuleMessageResponse(TextOf(reply)) },
    };

    /// <summary>For a messaging extension's action command: the same as a dialog.</summary>
    public static MessagingExtensionActionResponse ForExtensionAction(Reply reply) => new() { Task = ForDialog(reply).Task };

    /// <summary>For a messaging extension's search: the results as a list, or a short message.</summary>
    public static MessagingExtensionResponse ForExtensionQuery(Reply reply) => new()
    {
        ComposeExtension = reply is Reply.SearchReply search
            ? new MessagingExtensionResult
            {
                Type = "result",
                AttachmentLayout = "list",
                Attachments = [.. search.Results.Select(result => new MessagingExtensionAttachment
                {
                    ContentType = AdaptiveCardJson.ContentType,
                    Content = CardMessage.Json(result.Card),
                    Preview = new ThumbnailCard { Title = HtmlText(result.PreviewTitle), Text = HtmlText(result.PreviewText) }.ToAttachment(),
                })],
            }
            : new MessagingExtensionResult { Type = "message", Text = TextOf(reply) },
    };

    /// <summary>Universal Actions' error response: Teams shows the message where the card is.</summary>
    public static AdaptiveCardInvokeResponse ErrorResponse(string message) => new()
    {
        StatusCode = 500, Type = "application/vnd.microsoft.error", Value = new Error { Code = "Unavailable", Message = message },
    };

    private static string TextOf(Reply reply) => reply switch
    {
        Reply.TextReply text => text.Message,
        Reply.ErrorReply error => error.Message,
        _ => "",
    };

    /// <summary>The result list shows HTML: only what HTML would interpret is escaped (WebUtility.HtmlEncode also turns æ, ø, å into entities).</summary>
    private static string HtmlText(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
