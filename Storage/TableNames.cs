namespace CareCompanion.Storage;

/// <summary>The logical table names; <see cref="Tables"/> puts the configured prefix in front.</summary>
public static class TableNames
{
    public const string Conversations = "Conversations";
    public const string Jobs = "Jobs";
    public const string Deliveries = "Deliveries";

    public static readonly IReadOnlyList<string> All = [Conversations, Jobs, Deliveries];
}
