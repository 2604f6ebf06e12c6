namespace CareCompanion.Cards.Networks;

/// <summary>The verbs and payloads of practice cards.</summary>
public static class PracticeVerbs
{
    public const string Share = "practice.share";
    public const string Adopt = "practice.adopt";

    public const int MaxWhat = 120;
    public const int MaxText = 600;

    /// <summary>The scope choice for a network: "network:" + the network's id (its host is looked up among the team's memberships).</summary>
    public const string NetworkScopePrefix = "network:";
}

/// <summary>The share form: what it comes from ("idea:id", "goal:id"), the four texts, theme, stage, scope and whether to name the sharer.</summary>
public sealed record PracticeSharePayload(string Team, string? Source = null, string? What = null, string? Why = null, string? Result = null,
    string? Lesson = null, string? Theme = null, string? Stage = null, string? Scope = null, string? Contact = null);

/// <summary>Which practice card a button is about: its partition and id ("where", not "team": the card is another team's).</summary>
public sealed record PracticeRef(string Where, string Practice);
