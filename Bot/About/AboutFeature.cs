using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;

namespace CareCompanion.Bot.About;

/// <summary>What people supporting the app ask for: the version.</summary>
public static class AboutFeature
{
    public static IServiceCollection AddAbout(this IServiceCollection services) =>
        services.AddCommand<VersionCommand>("version", Access.Anyone, (h, turn, ct) => h.ShowAsync(turn, ct));
}
