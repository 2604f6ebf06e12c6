using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Privacy;

namespace CareCompanion.Bot.Privacy;

/// <summary>A person's data rights (see and delete what is stored about them) and the retention sweep.</summary>
public static class PrivacyFeature
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<RetentionJob>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<RetentionJob>());
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());

        services.AddCommand<PrivacyRequests>("myData", Access.Person, (h, turn, ct) => h.ExportAsync(turn, ct), answerPrivately: true);
        services.AddCommand<PrivacyRequests>("deleteMyData", Access.Person, (h, turn, ct) => h.AskToDeleteAsync(turn, ct), answerPrivately: true);
        services.AddAction<PrivacyRequests>(PrivacyVerbs.Delete, Access.Person, (h, turn, ct) => h.DeleteAsync(turn, ct));
        return services;
    }
}
