using System.Text.Json.Nodes;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// What a route answers. The edge (<see cref="Dispatcher"/>) turns it into what Teams expects for the kind of activity:
/// a message for a command, an invoke response for a card button, a dialog for task/fetch and task/submit.
/// </summary>
public abstract record Reply
{
    private Reply() { }

    /// <summary>A card: sent, or (for a button) put in place of the card that was clicked.</summary>
    public sealed record CardReply(JsonObject Content) : Reply;

    /// <summary>A short text: sent, or shown as the button's answer.</summary>
    public sealed record TextReply(string Message) : Reply;

    /// <summary>A form in a dialog (task module).</summary>
    public sealed record DialogReply(string Title, JsonObject Form) : Reply;

    /// <summary>Several messages, for a command that answers with more than one card.</summary>
    public sealed record ManyReply(IReadOnlyList<Reply> Replies) : Reply;

    /// <summary>The messaging extension's search results.</summary>
    public sealed record SearchReply(IReadOnlyList<SearchResult> Results) : Reply;

    /// <summary>A card button that could not be done (Universal Actions' error response), with the line to show.</summary>
    public sealed record ErrorReply(string Message) : Reply;

    /// <summary>Nothing to say (an install that was already welcomed).</summary>
    public sealed record NoReply : Reply;

    public static Reply Card(JsonObject card) => new CardReply(card);

    public static Reply Text(string text) => new TextReply(text);

    public static Reply Error(string message) => new ErrorReply(message);

    public static Reply Dialog(string title, JsonObject card) => new DialogReply(title, card);

    public static Reply Many(IEnumerable<Reply> replies) => new ManyReply([.. replies]);

    public static Reply Search(IEnumerable<SearchResult> results) => new SearchReply([.. results]);

    public static readonly Reply None = new NoReply();
}

/// <summary>One search result: the card to insert, and the title and line shown in the result list.</summary>
public sealed record SearchResult(JsonObject Card, string PreviewTitle, string PreviewText);
