using CareCompanion.Bot.Teams;
using Newtonsoft.Json.Linq;

namespace CareCompanion.Bot.Ideas;

/// <summary>Which idea a card's action is about, as the card says: to be checked, never trusted.</summary>
public sealed record IdeaRef(string TeamId, string IdeaId)
{
    public static IdeaRef? Of(JObject data) =>
        CardData.String(data, "team") is { Length: > 0 } team && CardData.String(data, "idea") is { Length: > 0 } idea ? new IdeaRef(team, idea) : null;
}
