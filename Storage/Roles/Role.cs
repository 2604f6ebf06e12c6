namespace CareCompanion.Storage.Roles;

/// <summary>
/// The roles CareCompanion knows, per team. Everyone in a team is staff; these are stored on top of that.
/// The partner roles tillitsvalgt (union representative) and verneombud (safety representative) see aggregates.
/// </summary>
public static class Role
{
    public const string Leader = "leader";
    public const string Coach = "coach";
    public const string Admin = "admin";
    public const string Tillitsvalgt = "tillitsvalgt";
    public const string Verneombud = "verneombud";

    public static readonly IReadOnlyList<string> All = [Leader, Coach, Admin, Tillitsvalgt, Verneombud];
}
