namespace CareCompanion.Cards.Roles;

/// <summary>The verb and payload of the roles card, shared by the card and the bot's handler.</summary>
public static class RoleVerbs
{
    public const string Set = "roles.set";
}

/// <summary>Give ("grant") or take ("revoke") a role; <see cref="Person"/> is the Teams user id from the roster.</summary>
public sealed record RoleChangePayload(string Team, string? Person = null, string? Role = null, string? Change = null);
