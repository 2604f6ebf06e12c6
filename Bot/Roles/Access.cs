using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Roles;

/// <summary>How much a route must know about the caller before its handler runs.</summary>
public enum AccessLevel
{
    /// <summary>Nothing (help, the welcome).</summary>
    Anyone,
    /// <summary>A person Teams signed: their tenant and Entra object id.</summary>
    Person,
    /// <summary>A member of the team the card or channel names (in its channel Teams vouches for that; elsewhere the roster).</summary>
    Member,
    /// <summary>One of <see cref="Access.AnyOf"/> in the team the card or channel names.</summary>
    Roles,
    /// <summary>A confirmed member of the HMS group that serves the team the card or channel names (<see cref="HmsMembership"/>).</summary>
    HmsGroup,
    /// <summary>One of <see cref="Access.AnyOf"/> in the caller's tenant (<see cref="TenantRoles"/>: its admin, a network coordinator).</summary>
    TenantRoles,
}

/// <summary>
/// Who may use a route, declared with the route and enforced by <see cref="RoleGate"/>. <see cref="InChannel"/>
/// routes work only in a team's channel (settings, roles): elsewhere the caller is told to write it there.
/// </summary>
public sealed record Access(AccessLevel Level, IReadOnlyList<string> AnyOf, string RefusalKey, bool ChannelOnly)
{
    public static readonly Access Anyone = new(AccessLevel.Anyone, [], "error.notAllowed", false);
    public static readonly Access Person = new(AccessLevel.Person, [], "error.notAllowed", false);
    public static readonly Access Member = new(AccessLevel.Member, [], "error.notAllowed", false);

    /// <summary>One of <paramref name="anyOf"/> (e.g. <see cref="Role.Leaders"/>); otherwise the text <paramref name="refusalKey"/>.</summary>
    public static Access Holding(IReadOnlyList<string> anyOf, string refusalKey) => new(AccessLevel.Roles, anyOf, refusalKey, false);

    /// <summary>A confirmed member of the team's HMS group; otherwise the text <paramref name="refusalKey"/>.</summary>
    public static Access HmsGroupMember(string refusalKey) => new(AccessLevel.HmsGroup, [], refusalKey, false);
    /// <summary>A tenant-level role (<see cref="TenantRoles"/>), wherever the caller writes from; otherwise the text <paramref name="refusalKey"/>.</summary>
    public static Access HoldingInTenant(string role, string refusalKey) => new(AccessLevel.TenantRoles, [role], refusalKey, false);

    /// <summary>The same, and only in a team's channel.</summary>
    public Access InChannel => this with { ChannelOnly = true };

    /// <summary>Whether the route needs a role beyond membership: the routes a staff member must be refused.</summary>
    public bool Privileged => Level is AccessLevel.Roles or AccessLevel.HmsGroup or AccessLevel.TenantRoles;

    /// <summary>Whether the route acts for one team (the channel's, or the one its card names).</summary>
    public bool TeamScoped => Level is AccessLevel.Member or AccessLevel.Roles or AccessLevel.HmsGroup || ChannelOnly;
}
