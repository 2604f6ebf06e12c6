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

    /// <summary>May change the team's settings.</summary>
    public static readonly IReadOnlyList<string> Leaders = [Leader, Admin];

    /// <summary>May add questions, set the meeting theme, and read anonymous comments.</summary>
    public static readonly IReadOnlyList<string> LeadersAndCoaches = [Leader, Admin, Coach];

    /// <summary>Get the anonymous comments of the weekly question, in their personal chat.</summary>
    public static readonly IReadOnlyList<string> ReadComments = [Leader, Coach];

    /// <summary>The team's HMS group (leader, union and safety representative): may download the team's aggregates as CSV.</summary>
    public static readonly IReadOnlyList<string> DownloadResults = [Leader, Tillitsvalgt, Verneombud];

    /// <summary>See the team's results (the partner roles included, comments only for <see cref="ReadComments"/>): their own answers never count toward them.</summary>
    public static readonly IReadOnlyList<string> SeeAggregates = [Leader, Admin, Coach, Tillitsvalgt, Verneombud];
}
