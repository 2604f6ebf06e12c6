using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareCompanion.Cards.Ideas;

/// <summary>The verbs, payloads and limits of the idea cards, shared by the cards and the bot's handlers.</summary>
public static class IdeaVerbs
{
    public const string Open = "idea.open";
    public const string Submit = "idea.submit";
    public const string Support = "idea.support";
    public const string Comment = "idea.comment";
    public const string Status = "idea.status";
    public const string Share = "idea.share";
    public const string FollowUp = "idea.followup";

    /// <summary>Input ids carry the idea's id: a list of ideas holds one answer form per idea, and ids must be unique.</summary>
    public static string StatusInput(string ideaId) => "status-" + ideaId;

    public static string ReasonInput(string ideaId) => "reason-" + ideaId;

    public const int MaxTitle = 120;
    public const int MaxDescription = 2000;
    public const int MaxComment = 300;
    public const int MaxReason = 500;
}

/// <summary>Which idea a button is about, as the card says: to be checked, never trusted.</summary>
public sealed record IdeaRef(string Team, string Idea);

/// <summary>A comment typed into the idea card (input <see cref="CommentInput"/>).</summary>
public sealed record IdeaCommentPayload(string Team, string Idea, [property: JsonPropertyName(IdeaCommentPayload.CommentInput)] string? Comment = null)
{
    public const string CommentInput = "comment";
}

/// <summary>"Did it work?": yes, partly or no.</summary>
public sealed record IdeaFollowUpPayload(string Team, string Idea, string? Answer = null);

/// <summary>
/// A leader's answer from the idea card, a list or the digest: the status and reason inputs are named after the idea
/// (<see cref="IdeaVerbs.StatusInput"/>), so they arrive as extra keys; <see cref="Since"/> is the digest's period.
/// </summary>
public sealed record IdeaDecisionPayload(string Team, string Idea, string? Since = null)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; init; }

    public string? Status => Input(IdeaVerbs.StatusInput(Idea));

    public string? Reason => Input(IdeaVerbs.ReasonInput(Idea));

    private string? Input(string key) =>
        Inputs?.TryGetValue(key, out var value) == true && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>
/// The idea form's inputs (card or dialog); <see cref="Team"/> is the choice, or the card's only team. <see cref="Form"/>
/// is the one-time id the form was built with: the same form sent again (after a storage fault, or when Teams lost the
/// answer) is a new activity, and this id lets it find the idea the first press stored.
/// </summary>
public sealed record IdeaSubmitPayload(string? Title = null, string? Description = null, string? Category = null, string? Team = null,
    string? Anonymous = null, string? Form = null)
{
    public bool IsAnonymous => Anonymous is "true" or "True";
}

/// <summary>"Ny idé" from a pulse card: the round and team whose reflection may start the idea.</summary>
public sealed record IdeaOpenPayload(string? Round = null, string? Team = null);
