using CareCompanion.Bot.Installation;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Ideas;
using CareCompanion.Storage.Digest;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Digest;

/// <summary>The leader digest: its routes, job and install step.</summary>
public static class DigestFeature
{
    public static IServiceCollection AddDigest(this IServiceCollection services)
    {
        services.AddSingleton<DigestRepository>();
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<IInstallationListener, DigestSetup>();
        services.AddSingleton<IJobHandler, DigestJob>();

        services.AddCommand<DigestCommands>("digest", Access.Person, (h, turn, ct) => h.ShowAsync(turn, ct), answerPrivately: true);
        services.AddCommand<DigestCommands>("leadersChannel", Access.Holding(Role.Leaders, "settings.leadersOnly").InChannel,
            (h, turn, ct) => h.SetLeadersChannelAsync(turn, ct));
        services.AddAction<DigestActions>(DigestVerbs.Decide, Access.Holding(Role.Leaders, "idea.leadersOnly"), (h, turn, ct) => h.DecideAsync(turn, ct));
        services.AddAction<DigestActions>(DigestVerbs.AskTeam, Access.Holding(Role.LeadersAndCoaches, "goal.rolesOnly"), (h, turn, ct) => h.AskTeamAsync(turn, ct));
        services.AddAction<DigestActions>(DigestVerbs.Cadence, Access.Person, (h, turn, ct) => h.SetCadenceAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, DigestVerbs.Decide, new FormField(IdeaVerbs.ReasonInput(""), "idea.answer.reason", IdIsPrefix: true));
        return services;
    }
}
