using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Pulse;

/// <summary>The reflection meeting's follow-up: its table and routes, part of <see cref="PulseFeature.AddPulse"/>.</summary>
public static class MeetingFollowUpRoutes
{
    public static IServiceCollection AddMeetingFollowUp(this IServiceCollection services)
    {
        services.AddSingleton<MeetingRepository>();
        services.AddSingleton<MeetingThemeViews>();
        // Anyone in the team writes the follow-up and sends an action on as an idea; a goal is for those who set goals.
        services.AddAction<MeetingFollowUp>(MeetingVerbs.FollowUp, Access.Member, (h, turn, ct) => h.WriteAsync(turn, ct));
        services.AddAction<MeetingFollowUp>(MeetingVerbs.ToIdea, Access.Member, (h, turn, ct) => h.ToIdeaAsync(turn, ct));
        services.AddAction<MeetingFollowUp>(MeetingVerbs.Done, Access.Member, (h, turn, ct) => h.DoneAsync(turn, ct));
        services.AddAction<MeetingFollowUp>(MeetingVerbs.ToGoal, Access.Holding(Role.LeadersAndCoaches, "goal.rolesOnly").InChannel,
            (h, turn, ct) => h.ToGoalAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, MeetingVerbs.FollowUp,
            new FormField("summary", "meeting.followUp.summary"), new FormField("actions", "meeting.followUp.actions"));
        services.AddFormInputs(RouteKind.Action, MeetingVerbs.ToGoal, new FormField("owners-", "goal.form.owners", IdIsPrefix: true));
        return services;
    }
}
