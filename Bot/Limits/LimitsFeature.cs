namespace CareCompanion.Bot.Limits;

/// <summary>Per-person limits on what stores a row or an entry per call.</summary>
public static class LimitsFeature
{
    public static IServiceCollection AddPersonLimits(this IServiceCollection services)
    {
        services.AddOptions<PersonLimitOptions>().BindConfiguration(PersonLimitOptions.Section);
        services.AddSingleton<PersonLimits>();
        return services;
    }
}
