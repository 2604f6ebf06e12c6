namespace CareCompanion.Bot.Delivery;

/// <summary>Names this bot instance in job and delivery leases, so logs show who held what.</summary>
public sealed class InstanceIdentity(IConfiguration configuration)
{
    public string Id { get; } = configuration["InstanceId"] is { Length: > 0 } id
        ? id
        : $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
