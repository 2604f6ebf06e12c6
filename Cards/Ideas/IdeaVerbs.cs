namespace CareCompanion.Cards.Ideas;

/// <summary>The Action.Execute verbs and input ids of the idea cards, shared by the cards and the bot's handlers.</summary>
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
