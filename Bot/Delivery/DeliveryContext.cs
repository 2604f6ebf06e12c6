namespace CareCompanion.Bot.Delivery;

/// <summary>The job a send belongs to, for the HttpClient retry callback that cannot see it otherwise.</summary>
public static class DeliveryContext
{
    private static readonly AsyncLocal<string?> Job = new();

    public static string? CurrentJobId
    {
        get => Job.Value;
        set => Job.Value = value;
    }
}
