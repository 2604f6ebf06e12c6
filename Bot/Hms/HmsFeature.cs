using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Hms;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Hms;

/// <summary>The HMS group and its improvement circle: routes, jobs and tables.</summary>
public static class HmsFeature
{
    public static IServiceCollection AddHms(this IServiceCollection services)
    {
        services.AddSingleton<HmsRepository>();
        services.AddSingleton<CircleRepository>();
        services.AddSingleton<IJobHandler, HmsConfirmJob>();
        services.AddSingleton<IJobHandler, HmsPostJob>();
        services.AddSingleton<IJobHandler, CirclePrepareJob>();
        services.AddSingleton<IJobHandler, CircleWorkshopJob>();

        var leaders = Access.Holding(Role.Leaders, "hms.leadersOnly").InChannel;
        var group = Access.HmsGroupMember("hms.membersOnly");
        services.AddCommand<HmsGroupHandler>("hmsGroup", leaders, (h, turn, ct) => h.ShowAsync(turn, ct));
        services.AddAction<HmsGroupHandler>(HmsVerbs.Create, leaders, (h, turn, ct) => h.CreateAsync(turn, ct));
        services.AddAction<HmsGroupHandler>(HmsVerbs.Join, leaders, (h, turn, ct) => h.JoinAsync(turn, ct));
        services.AddAction<HmsGroupHandler>(HmsVerbs.Name, leaders, (h, turn, ct) => h.NameAsync(turn, ct));
        services.AddAction<HmsGroupHandler>(HmsVerbs.Confirm, Access.Person, (h, turn, ct) => h.ConfirmAsync(turn, ct));
        services.AddAction<HmsGroupWork>(HmsVerbs.Post, group, (h, turn, ct) => h.PostAsync(turn, ct));
        services.AddAction<HmsGroupWork>(HmsVerbs.Question, group, (h, turn, ct) => h.QuestionAsync(turn, ct));
        services.AddAction<HmsGroupWork>(HmsVerbs.Results, group, (h, turn, ct) => h.ResultsAsync(turn, ct));
        services.AddAction<CircleActions>(HmsVerbs.StartCircle, group, (h, turn, ct) => h.StartAsync(turn, ct));
        services.AddAction<CircleActions>(HmsVerbs.Schedule, group, (h, turn, ct) => h.ScheduleAsync(turn, ct));
        services.AddAction<CirclePicks>(HmsVerbs.Goal, group, (h, turn, ct) => h.GoalAsync(turn, ct));
        services.AddAction<CirclePicks>(HmsVerbs.Idea, group, (h, turn, ct) => h.IdeaAsync(turn, ct));
        services.AddAction<CircleActions>(HmsVerbs.Worksheet, Access.Member, (h, turn, ct) => h.WorksheetAsync(turn, ct));
        services.AddAction<CircleActions>(HmsVerbs.Input, Access.Member, (h, turn, ct) => h.InputAsync(turn, ct));
        services.AddAction<CircleActions>(HmsVerbs.Vote, Access.Member, (h, turn, ct) => h.VoteAsync(turn, ct));

        services.AddFormInputs(RouteKind.Action, HmsVerbs.Name); // choices only
        services.AddFormInputs(RouteKind.Action, HmsVerbs.Post, new FormField("message", "hms.post.message"));
        services.AddFormInputs(RouteKind.Action, HmsVerbs.Question,
            new FormField("text", "hms.question.text"), new FormField("low", "hms.question.low"), new FormField("high", "hms.question.high"));
        services.AddFormInputs(RouteKind.Action, HmsVerbs.StartCircle, new FormField("topic", "circle.start.topic"));
        services.AddFormInputs(RouteKind.Action, HmsVerbs.Schedule); // a date and a time
        services.AddFormInputs(RouteKind.Action, HmsVerbs.Goal, new FormField("owners", "goal.form.owners"));
        services.AddFormInputs(RouteKind.Action, HmsVerbs.Idea); // a category
        services.AddFormInputs(RouteKind.Action, HmsVerbs.Worksheet,
            new FormField("cameUp", "circle.worksheet.cameUp"), new FormField("proposals", "circle.worksheet.proposals"));
        services.AddFormInputs(RouteKind.Action, HmsVerbs.Input, new FormField("input", "circle.input.text"));
        return services;
    }
}
