namespace CareCompanion.Cards.Languages;

/// <summary>The verb and payload of the team language buttons, shared by the cards and the bot's handler.</summary>
public static class LanguageVerbs
{
    public const string SetTeam = "language.team";
}

/// <summary>The language a leader chose for the team's channel posts: <see cref="Code"/> is "nb", "nn" or "en".</summary>
public sealed record TeamLanguageChoice(string Team, string Code);
