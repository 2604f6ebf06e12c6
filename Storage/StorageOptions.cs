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
}
