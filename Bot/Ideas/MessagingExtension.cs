using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// The messaging extension's action commands: "Lag idé fra melding" on any message (the form opens with the
/// message's text) and "Ny idé" from the compose box. Both open the idea form in a dialog.
/// </summary>
public sealed partial class MessagingExtension(IdeaSubmissions submissions)
{
    public const string FromMessageCommand = "createIdeaFromMessage";
    public const string FromComposeCommand = "createIdea";

    public async Task<MessagingExtensionActionResponse> FetchTaskAsync(ITurnContext turnContext, MessagingExtensionAction action, CancellationToken ct)
    {
        var text = action.CommandId == FromMessageCommand ? PlainText(action.MessagePayload?.Body?.Content) : null;
        return new MessagingExtensionActionResponse { Task = (await submissions.OpenDialogAsync(turnContext, text, ct)).Task };
    }

    public async Task<MessagingExtensionActionResponse> SubmitAsync(ITurnContext turnContext, MessagingExtensionAction action, CancellationToken ct) =>
        new() { Task = (await submissions.SubmitFromDialogAsync(turnContext, action.Data as JObject, ct)).Task };

    /// <summary>A Teams message body is HTML: the form gets its text, without tags.</summary>
    private static string? PlainText(string? html) =>
        string.IsNullOrWhiteSpace(html) ? null : WebUtility.HtmlDecode(Tags().Replace(html.Replace("<br>", "\n").Replace("</p>", "\n"), "")).Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
