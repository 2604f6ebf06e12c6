using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Storage.Handover;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Handover;

/// <summary>The handover to a new leader: "overlevering" on request, and the card sent by itself when the team's leader changes.</summary>
public static class HandoverFeature
{
    public static IServiceCollection AddHandover(this IServiceCollection services)
    {
        services.AddSingleton<HandoverRepository>();
        services.AddSingleton<HandoverBuilder>();
        services.AddSingleton<ILeaderChangeListener, HandoverRule>();
        services.AddSingleton<IJobHandler, HandoverJob>();

        services.AddCommand<HandoverCommand>("handover", Access.Holding(Role.Leaders, "handover.leadersOnly").InChannel, (h, turn, ct) => h.ShowAsync(turn, ct),
            answerPrivately: true);
        return services;
    }
}
