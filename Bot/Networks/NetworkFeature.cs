using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Networks;

/// <summary>Learning networks: tenant settings, networks and joining, status before meetings, practice cards and their search.</summary>
public static class NetworkFeature
{
    public static IServiceCollection AddNetworks(this IServiceCollection services)
    {
        services.AddSingleton<NetworkRepository>();
        services.AddSingleton<NetworkReportRepository>();
        services.AddSingleton<PracticeRepository>();
        services.AddSingleton<NetworkNames>();
        services.AddSingleton<PracticeReaders>();
        services.AddSingleton<CircleResults>();
        services.AddSingleton<NetworkStatusCards>();
        services.AddSingleton<NetworkPersonalData>();
        services.AddSingleton<NetworkRetention>();
        services.AddSingleton<ISearchSource, PracticeSearch>();
        services.AddSingleton<IJobHandler, NetworkStatusJob>();
        services.AddSingleton<IJobHandler, NetworkNudgeJob>();
        services.AddSingleton<IJobHandler, NetworkAgendaJob>();
        services.AddSingleton<IJobHandler, NetworkBringHomeJob>();
        services.AddSingleton<IJobHandler, NetworkTakeawaysJob>();

        var admin = Access.HoldingInTenant(TenantRoles.Admin, "network.adminOnly").InChannel;
        var coordinator = Access.HoldingInTenant(TenantRoles.NetworkCoordinator, "network.coordinatorOnly");
        var leaders = Access.Holding(Role.Leaders, "network.leadersOnly").InChannel;
        services.AddCommand<NetworkList>("networks", Access.Person, (h, turn, ct) => h.ShowAsync(turn, ct));
        services.AddCommand<NetworkSettingsHandler>("networkSettings", admin, (h, turn, ct) => h.ShowAsync(turn, ct));
        services.AddAction<NetworkSettingsHandler>(NetworkVerbs.SaveSettings, admin, (h, turn, ct) => h.SaveAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, NetworkVerbs.SaveSettings, new FormField("municipality", "network.settings.municipality"));
        services.AddCommand<NetworkCreation>("newNetwork", coordinator, (h, turn, ct) => h.ShowFormAsync(turn, ct));
        services.AddAction<NetworkCreation>(NetworkVerbs.Create, coordinator, (h, turn, ct) => h.CreateAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, NetworkVerbs.Create, new FormField("name", "network.form.name"));
        services.AddAction<NetworkCodeRenewal>(NetworkVerbs.RenewCode, coordinator, (h, turn, ct) => h.RenewAsync(turn, ct));
        services.AddCommand<NetworkJoining>("joinNetwork", leaders, (h, turn, ct) => h.ShowFormAsync(turn, ct));
        services.AddAction<NetworkJoining>(NetworkVerbs.Join, leaders, (h, turn, ct) => h.JoinAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, NetworkVerbs.Join, new FormField("code", "network.join.code"));
        services.AddAction<NetworkJoining>(NetworkVerbs.Leave, leaders, (h, turn, ct) => h.LeaveAsync(turn, ct));

        FormField[] report = [new("tried", "network.status.tried"), new("happened", "network.status.happened"), new("next", "network.status.next"), new("help", "network.status.help")];
        services.AddAction<NetworkReports>(NetworkVerbs.SaveReport, Access.Member.InChannel, (h, turn, ct) => h.SaveAsync(turn, ct));
        services.AddAction<NetworkReports>(NetworkVerbs.SendReport, leaders, (h, turn, ct) => h.SendAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, NetworkVerbs.SaveReport, report);
        services.AddFormInputs(RouteKind.Action, NetworkVerbs.SendReport, report);
        services.AddAction<NetworkReports>(NetworkVerbs.Nudge, coordinator, (h, turn, ct) => h.NudgeAsync(turn, ct));
        services.AddAction<NetworkTakeaways>(NetworkVerbs.Takeaways, Access.Member, (h, turn, ct) => h.PostAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, NetworkVerbs.Takeaways, new FormField("takeaway1", "network.takeaways.field"),
            new FormField("takeaway2", "network.takeaways.field"), new FormField("takeaway3", "network.takeaways.field"));

        var sharers = Access.Holding(Role.LeadersAndCoaches, "practice.rolesOnly").InChannel;
        services.AddCommand<PracticeSharing>("sharePractice", sharers, (h, turn, ct) => h.ShowFormAsync(turn, ct));
        services.AddAction<PracticeSharing>(PracticeVerbs.Share, sharers, (h, turn, ct) => h.ShareAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, PracticeVerbs.Share, new FormField("what", "practice.form.what"), new FormField("why", "practice.form.why"),
            new FormField("result", "practice.form.result"), new FormField("lesson", "practice.form.lesson"));
        services.AddAction<PracticeAdoption>(PracticeVerbs.Adopt, Access.Member.InChannel, (h, turn, ct) => h.AdoptAsync(turn, ct));
        return services;
    }
}
