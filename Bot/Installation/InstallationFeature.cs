using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;

namespace CareCompanion.Bot.Installation;

/// <summary>Install, uninstall, and the welcome card again for "hjelp".</summary>
public static class InstallationFeature
{
    public static IServiceCollection AddInstallation(this IServiceCollection services)
    {
        services.AddRoute<InstallationHandler>(RouteKind.Event, Events.Installed, Access.Anyone, (h, turn, ct) => h.OnInstalledAsync(turn, ct));
        services.AddRoute<InstallationHandler>(RouteKind.Event, Events.Removed, Access.Anyone, (h, turn, ct) => h.OnRemovedAsync(turn, ct));
        services.AddRoute<InstallationHandler>(RouteKind.Event, Events.ChannelDeleted, Access.Anyone, (h, turn, ct) => h.OnChannelDeletedAsync(turn, ct));
        services.AddCommand<InstallationHandler>("help", Access.Anyone, (h, turn, ct) => h.HelpAsync(turn, ct));
        return services;
    }
}
