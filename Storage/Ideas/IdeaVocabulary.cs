namespace CareCompanion.Storage.Ideas;

/// <summary>
/// An idea's way through the team: Ny → Vurderes → Prøves ut (plan, try, adjust) → Innført or Går ikke videre.
/// A leader may also put an idea under consideration again, or try a changed version after "not pursued".
/// </summary>
public static class IdeaStatus
{
    public const string New = "new";
    public const string Considering = "considering";
    public const string Trying = "trying";
    public const string Implemented = "implemented";
    public const string NotPursued = "notpursued";

    public static readonly IReadOnlyList<string> All = [New, Considering, Trying, Implemented, NotPursued];

    public static bool IsClosed(string status) => status is Implemented or NotPursued;

    /// <summary>Where a leader can take an idea from <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> Next(string status) => status switch
    {
        New => [Considering, Trying, Implemented, NotPursued],
        Considering => [Trying, Implemented, NotPursued],
        Trying => [Implemented, Considering, NotPursued],
        Implemented => [Trying],
        NotPursued => [Considering],
        _ => [],
    };
}

/// <summary>What an idea is about: the categories staff choose from.</summary>
public static class IdeaCategory
{
    public static readonly IReadOnlyList<string> All = ["patientsafety", "workenvironment", "workflow", "learning", "involvement", "other"];
}
