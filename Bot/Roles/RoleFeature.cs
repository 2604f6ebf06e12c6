using CareCompanion.Bot.Installation;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Roles;
using CareCompanion.Storage.Roles;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareCompanion.Bot.Roles;

/// <summary>Roles: the gate every route passes, Graph's team owners, the first leader at install, and the roles card.</summary>
public static class RoleFeature
{
    public static IServiceCollection AddRoles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RoleRepository>();
        services.AddSingleton<RoleGate>();
        services.AddSingleton<HmsMembership>();
        services.AddSingleton<TenantRoles>();
        services.AddOptions<RoleOptions>().Bind(configuration.GetSection(RoleOptions.Section));
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section));
        services.TryAddSingleton<IGraphCredentials, GraphCredentials>();
        services.AddSingleton<TeamOwners>();
        services.AddSingleton<IInstallationListener, RolesSetup>();
        services.AddSingleton<RosterCheck>();
        services.AddSingleton<LeaderChanges>();

        services.AddRoute<RoleMembership>(RouteKind.Event, Events.MembersRemoved, Access.Anyone, (h, turn, ct) => h.OnMembersRemovedAsync(turn, ct));
        var leaders = Access.Holding(Role.Leaders, "roles.leadersOnly").InChannel;
        services.AddCommand<RolesHandler>("roles", leaders, (h, turn, ct) => h.ShowAsync(turn, ct));
        services.AddAction<RolesHandler>(RoleVerbs.Set, leaders, (h, turn, ct) => h.SetAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, RoleVerbs.Set); // choices only
        return services;
    }
}
