using System.Text.Json.Nodes;

namespace CareCompanion.Cards.Json;

/// <summary>
/// Small builders for Adaptive Card 1.5 JSON (the highest version Teams renders everywhere).
/// Cards are built as JSON nodes, so user text is always a JSON string value and can never break the payload.
/// Our own texts are TextBlocks (<see cref="Text"/>, <see cref="Heading"/>), which Teams reads as markdown: that is
/// how they show words in bold. Text people wrote (titles, descriptions, comments, reasons, notes, names, team names,
/// a team's own question), alone or inside one of our sentences, goes in a RichTextBlock of TextRuns
/// (<see cref="Written"/>, <see cref="WrittenHeading"/>, <see cref="Line"/>): the Adaptive
/// Cards spec makes a TextRun plain text, so it shows exactly as written on every client, with nothing to escape.
/// Our sentences that take people's text therefore carry no markdown, and set it in as <see cref="Embedded"/>, so
/// right-to-left text cannot reorder them. Input values and choice titles are plain text already and need nothing.
/// </summary>
public static class AdaptiveCardJson
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    public static JsonObject Card(IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray([.. body]),
        };
        var actionArray = new JsonArray([.. actions ?? []]);
        if (actionArray.Count > 0)
        {
            card["actions"] = actionArray;
        }
        return card;
    }

    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["size"] = "Large",
        ["weight"] = "Bolder",
        ["wrap"] = true,
        ["style"] = "heading",
    };

    /// <summary>A wrapping TextBlock; <paramref name="color"/> is an Adaptive Card colour ("Good", "Attention", "Accent"…).</summary>
    public static JsonObject Text(string text, bool subtle = false, bool bold = false, string? color = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle) block["isSubtle"] = true;
        if (bold) block["weight"] = "Bolder";
        if (color is not null) block["color"] = color;
        return block;
    }

    /// <summary>A labelled text input; with <paramref name="requiredMessage"/> it is required and says that when empty.</summary>
    public static JsonObject TextInput(string id, string label, int maxLength, bool multiline = false, string? value = null, string? requiredMessage = null)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["maxLength"] = maxLength, ["isMultiline"] = multiline };
        if (value is not null) input["value"] = value;
        if (requiredMessage is not null)
        {
            input["isRequired"] = true;
            input["errorMessage"] = requiredMessage;
        }
        return input;
    }

    /// <summary>A date as cards show it: 26.11.2026.</summary>
    public static string Date(DateTimeOffset at) => at.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Text a person wrote, shown exactly as written: a RichTextBlock with one plain TextRun.</summary>
    public static JsonObject Written(string text, bool subtle = false, bool bold = false, string? color = null) =>
        Line(Run(text, subtle, bold, color));

    /// <summary>
    /// Text a person wrote, set inside one of our sentences: between Unicode's invisible bidi isolates (U+2068, U+2069),
    /// so a right-to-left name or word cannot move the words, dates and numbers around it ("Fra שלום, 02.11.2026").
    /// </summary>
    public static string Embedded(string written) => $"\u2068{written}\u2069";

    /// <summary>A heading that is, or holds, text a person wrote (an idea's or goal's title, a team's own question).</summary>
    public static JsonObject WrittenHeading(string text) => Line(Run(text, bold: true, size: "Large"));

    /// <summary>A line of plain TextRuns, for text people wrote in more than one style (a bold name, then their comment).</summary>
    public static JsonObject Line(params JsonObject[] runs) => new() { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray(runs) };

    /// <summary>A TextRun: plain text, never markdown. <paramref name="size"/> is an Adaptive Card size ("Small", "Large"…).</summary>
    public static JsonObject Run(string text, bool subtle = false, bool bold = false, string? color = null, string? size = null)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = text };
        if (subtle) run["isSubtle"] = true;
        if (bold) run["weight"] = "Bolder";
        if (color is not null) run["color"] = color;
        if (size is not null) run["size"] = size;
        return run;
    }

    /// <summary>A short bold label with its text right below: reads well on narrow phone screens.</summary>
    public static JsonObject LabelledText(string label, string text) => Labelled(Text(label, bold: true), Text(text));

    /// <summary>Our bold label with text a person wrote below it.</summary>
    public static JsonObject LabelledWritten(string label, string written) => Labelled(Text(label, bold: true), Written(written));

    /// <summary>A label with its text right below (no space between).</summary>
    public static JsonObject Labelled(JsonObject label, JsonObject text)
    {
        text["spacing"] = "None";
        return new JsonObject { ["type"] = "Container", ["items"] = new JsonArray(label, text) };
    }

    /// <summary>A labelled choice: a dropdown, or for several answers a list of checkboxes (easier to tap on a phone).</summary>
    public static JsonObject ChoiceSet(string id, string label, IEnumerable<(string Title, string Value)> choices, string value, bool multiSelect = false) => new()
    {
        ["type"] = "Input.ChoiceSet",
        ["id"] = id,
        ["label"] = label,
        ["isMultiSelect"] = multiSelect,
        ["style"] = multiSelect ? "expanded" : "compact",
        ["value"] = value,
        ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
    };

    /// <summary>
    /// A Universal Action button: Teams sends <paramref name="verb"/> with <paramref name="payload"/> (a record from the
    /// feature's *Verbs file, written with <see cref="CardPayload"/>) and the card's inputs to the bot.
    /// </summary>
    public static JsonObject Execute(string title, string verb, object? payload = null, string? style = null)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb };
        if (payload is not null) action["data"] = CardPayload.Write(payload);
        if (style is not null) action["style"] = style;
        return action;
    }

    /// <summary>
    /// An Action.Submit button, for dialogs (where Action.Execute is not available) and for opening one
    /// (<paramref name="opensDialog"/>: Teams' task/fetch). The verb travels in the data, where the bot routes on it.
    /// </summary>
    public static JsonObject Submit(string title, string verb, object? payload = null, bool opensDialog = false)
    {
        var data = payload is null ? new JsonObject() : CardPayload.Write(payload);
        data[VerbKey] = verb;
        if (opensDialog) data["msteams"] = new JsonObject { ["type"] = "task/fetch" };
        return new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
    }

    /// <summary>Where an Action.Submit carries its verb.</summary>
    public const string VerbKey = "verb";

    /// <summary>A row of buttons inside a card's body.</summary>
    public static JsonObject ActionSet(params JsonNode[] actions) => new() { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions) };

    /// <summary>A button that unfolds a small form in place (no dialog, works on phones).</summary>
    public static JsonObject ShowCard(string title, IEnumerable<JsonNode> body, params JsonNode[] actions) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray([.. body]), ["actions"] = new JsonArray(actions) },
    };
}
