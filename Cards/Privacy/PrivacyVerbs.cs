namespace CareCompanion.Cards.Privacy;

/// <summary>The verb of the delete confirmation; the bot deletes only the caller's own data.</summary>
public static class PrivacyVerbs
{
    public const string Delete = "privacy.delete";
}

/// <summary>Whose confirmation this is (their Entra object id): the button works for them only.</summary>
public sealed record PrivacyDeletePayload(string For);
