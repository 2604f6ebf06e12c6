using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Goals;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Goals;

/// <summary>Coaching goals: their routes and jobs.</summary>
public static class GoalFeature
{
    public static IServiceCollection AddGoals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GoalOptions>().Bind(configuration.GetSection(GoalOptions.Section));
        services.AddSingleton<GoalRepository>();
        services.AddSingleton<GoalSchedule>();
        services.AddSingleton<GoalJobContext>();
        services.AddSingleton<IJobHandler, GoalCheckInJob>();
        services.AddSingleton<IJobHandler, GoalNudgeJob>();
        services.AddSingleton<IJobHandler, GoalOverdueJob>();

        var coaches = Access.Holding(Role.LeadersAndCoaches, "goal.rolesOnly");
        services.AddCommand<GoalCommands>("newGoal", coaches.InChannel, (h, turn, ct) => h.ShowFormAsync(turn, ct));
        services.AddCommand<GoalCommands>("goals", Access.Person, (h, turn, ct) => h.ListAsync(turn, ct));
        services.AddAction<GoalActions>(GoalVerbs.Create, coaches.InChannel, (h, turn, ct) => h.CreateAsync(turn, ct));
        services.AddAction<GoalActions>(GoalVerbs.CheckIn, Access.Member, (h, turn, ct) => h.CheckInAsync(turn, ct));
        services.AddAction<GoalActions>(GoalVerbs.Close, coaches, (h, turn, ct) => h.CloseAsync(turn, ct));
        services.AddAction<GoalActions>(GoalVerbs.Redate, coaches, (h, turn, ct) => h.RedateAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, GoalVerbs.Create,
            new FormField("title", "goal.form.titleLabel"), new FormField("success", "goal.form.success"), new FormField("owners", "goal.form.owners"));
        services.AddFormInputs(RouteKind.Action, GoalVerbs.CheckIn, new FormField("note", "goal.checkin.note"));
        services.AddFormInputs(RouteKind.Action, GoalVerbs.Close, new FormField("reason", "goal.coach.reason"));
        services.AddFormInputs(RouteKind.Action, GoalVerbs.Redate, new FormField("reason", "goal.coach.reason"));
        return services;
    }
}
