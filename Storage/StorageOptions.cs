namespace CareCompanion.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Azure Storage connection string; "UseDevelopmentStorage=true" for Azurite on its default ports.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Put before every table name so environments and test runs sharing one account never collide. Letters and digits only.</summary>
    public string TablePrefix { get; set; } = "cc";

    /// <summary>How often the SDK retries a failed storage call before the turn fails.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// How long one try may wait for storage's answer (the SDK's default is 100 s). With the retries and their waits
    /// (at most 2 s each) a call stays within the turn's budget, so Teams hears back in time.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(4);
}
