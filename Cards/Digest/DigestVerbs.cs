namespace CareCompanion.Cards.Digest;

/// <summary>The verbs and payloads of the digest card, shared by the card and the bot's handlers.</summary>
public static class DigestVerbs
{
    /// <summary>A leader answers an idea in the digest (payload: <see cref="CareCompanion.Cards.Ideas.IdeaDecisionPayload"/>).</summary>
    public const string Decide = "digest.decide";
    public const string Cadence = "digest.cadence";
    /// <summary>Ask the team how a goal is going (payload: <see cref="CareCompanion.Cards.Goals.GoalRef"/>).</summary>
    public const string AskTeam = "digest.askteam";
}

/// <summary>Turn the weekly digest "off" or on ("weekly").</summary>
public sealed record DigestCadencePayload(string? Cadence = null);
