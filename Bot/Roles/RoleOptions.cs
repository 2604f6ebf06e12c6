namespace CareCompanion.Bot.Roles;

public sealed class RoleOptions
{
    public const string Section = "Roles";

    /// <summary>
    /// Entra object ids of the municipality's own administrators: admin in every team of the tenant, so they can give a
    /// team its first leader with "roller" when nobody who installed the app may be one.
    /// </summary>
    public string[] TenantAdmins { get; set; } = [];
}
