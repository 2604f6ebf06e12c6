namespace CareCompanion.Bot.Delivery;

/// <summary>The job and tenant a send belongs to, for the HttpClient handlers that cannot see them otherwise.</summary>
public static class DeliveryContext
{
    private static readonly AsyncLocal<string?> Job = new();
    private static readonly AsyncLocal<string?> Tenant = new();

    public static string? CurrentTenantId
    {
        get => Tenant.Value;
        set => Tenant.Value = value;
    }

    public static string? CurrentJobId
    {
        get => Job.Value;
        set => Job.Value = value;
    }
}
