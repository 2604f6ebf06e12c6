using System.Net;
using System.Text.RegularExpressions;
using CareCompanion.Bot.Teams;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// The messaging extension's action commands: "Lag idé fra melding" on any message (the form opens with the
/// message's text) and "Ny idé" from the compose box. Both open the idea form in a dialog.
/// </summary>
public sealed partial class MessagingExtension(IdeaSubmissions submissions)
{
    public const string FromMessageCommand = "createIdeaFromMessage";
    public const string FromComposeCommand = "createIdea";

    public Task<Reply> OpenFromMessageAsync(Turn turn, CancellationToken ct) =>
        submissions.OpenDialogAsync(turn, PlainText(turn.Payload<ExtensionMessage>()?.Message), ct);

    public Task<Reply> OpenFromComposeAsync(Turn turn, CancellationToken ct) => submissions.OpenDialogAsync(turn, description: null, ct);

    /// <summary>What the edge passes on of the message the command was started from: its body, as Teams' HTML.</summary>
    private sealed record ExtensionMessage(string? Message = null);

    /// <summary>A Teams message body is HTML: the form gets its text, without tags.</summary>
    private static string? PlainText(string? html) =>
        string.IsNullOrWhiteSpace(html) ? null : WebUtility.HtmlDecode(Tags().Replace(html.Replace("<br>", "\n").Replace("</p>", "\n"), "")).Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
