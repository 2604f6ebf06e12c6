namespace CareCompanion.Cards.Privacy;

/// <summary>The verb of the delete confirmation: it carries no data, the bot deletes only the caller's own.</summary>
public static class PrivacyVerbs
{
    public const string Delete = "privacy.delete";
}
