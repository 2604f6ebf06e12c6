using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Welcome;

namespace CareCompanion.Cards;

/// <summary>
/// Every card the bot can send, with realistic sample data, in every language. Tests validate each one with
/// Microsoft's Adaptive Cards library and render it to PNG, so a new card must be added here.
/// </summary>
public static class CardCatalog
{
    public static IEnumerable<(string Name, JsonObject Card)> All()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            yield return ($"welcome.{language.Code()}", WelcomeCard.Build(language));
        }
    }
}
