namespace CareCompanion.Storage.Networks;

/// <summary>How far a practice card is shared: the team that tried it, its municipality (tenant), or one network.</summary>
public static class PracticeScope
{
    public const string Team = "team";
    public const string Tenant = "tenant";
    public const string Network = "network";
}

/// <summary>Where a practice card comes from.</summary>
public static class PracticeSource
{
    public const string Idea = "idea";
    public const string Goal = "goal";
    /// <summary>An improvement circle's result (the HMS feature builds circles; it shares through <see cref="PracticeRepository"/> too).</summary>
    public const string Circle = "circle";
}

/// <summary>
/// What a unit tried, shared on purpose by a person in it: what, why, the result and the key lesson. It names its
/// municipality and unit, and a contact only when that person chose to be named; never an idea's anonymous submitter.
/// </summary>
public sealed record PracticeCard
{
    public required string PracticeId { get; init; }
    public required string TenantId { get; init; }
    public required string TeamId { get; init; }
    public required string TeamName { get; init; }
    public required string Source { get; init; }
    public required string SourceId { get; init; }
    public required string What { get; init; }
    public string Why { get; init; } = "";
    public string Result { get; init; } = "";
    public string Lesson { get; init; } = "";
    public required string Theme { get; init; }
    public bool Finished { get; init; }
    /// <summary>The person who shared it, named only because they ticked "name me as contact".</summary>
    public string? ContactName { get; init; }
    public required string Scope { get; init; }
    /// <summary>The network it is shared into, for <see cref="PracticeScope.Network"/>.</summary>
    public string? NetworkId { get; init; }
    /// <summary>Null once the sharer deleted their data (the card stays, the unit's, without a contact).</summary>
    public required string? SharedByAadObjectId { get; init; }
    public required DateTimeOffset SharedAt { get; init; }
    /// <summary>"We tried this too": one entry per team ("tenant|team"), however many of its people tap it.</summary>
    public IReadOnlyList<string> AdoptedBy { get; init; } = [];

    /// <summary>The partition its scope puts it in: whoever can read that partition is whom it was shared with.</summary>
    public string Partition => PracticeRepository.PartitionOf(Scope, TenantId, TeamId, NetworkId);
}
