namespace CareCompanion.Cards.Pulse;

/// <summary>The verbs and payloads of the pulse cards, shared by the cards and the bot's handlers.</summary>
public static class PulseVerbs
{
    public const string Answer = "pulse.answer";
    public const string SaveSettings = "pulse.settings.save";
    public const string AddQuestion = "pulse.question.add";
    public const string AskNow = "pulse.askNow";
}

/// <summary>An answer: the round and team the card was posted for, the tapped value and the comment input.</summary>
public sealed record PulseAnswerPayload(string? Round = null, string? Team = null, string? Value = null, string? Comment = null)
{
    public const string CommentInput = "comment";
}

/// <summary>"Ask the first question now" on the welcome card: the team whose week's question to post.</summary>
public sealed record PulseAskNowPayload(string Team);

/// <summary>The settings card's inputs; <see cref="Language"/> is the team language's code (none from a card sent before it was there).</summary>
public sealed record PulseSettingsPayload(string Team, string? Day = null, string? Time = null, string? OpenDays = null, string? MinAnswers = null,
    string? Themes = null, string? MinComments = null, string? Delivery = null, string? Language = null, string? AnchorEvery = null);

/// <summary>A team's own question, from the "nytt spørsmål" card.</summary>
public sealed record TeamQuestionPayload(string Team, string? Text = null, string? Type = null, string? Theme = null, string? Low = null,
    string? High = null);
