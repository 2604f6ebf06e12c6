using CareCompanion.Bot.Installation;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Pulse;

/// <summary>The weekly question: its routes, jobs and install step.</summary>
public static class PulseFeature
{
    public static IServiceCollection AddPulse(this IServiceCollection services)
    {
        services.AddSingleton<PulseRepository>();
        services.AddSingleton<AnswerKeys>();
        services.AddSingleton<IInstallationListener, PulseSetup>();
        services.AddSingleton<IJobHandler, PulsePostJob>();
        services.AddSingleton<IJobHandler, PulseCloseJob>();
        services.AddSingleton<IJobHandler, PulseReminderJob>();
        services.AddSingleton<PulsePersonalPrompts>();
        services.AddSingleton<PulseNextRound>();
        services.AddHttpContextAccessor();
        services.AddSingleton<PulseLinks>();
        services.AddSingleton<PulseAnchorTrends>();
        services.AddSingleton<PulseScheduleCheck>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<PulseScheduleCheck>());
        services.AddHostedService(sp => sp.GetRequiredService<PulseScheduleCheck>());

        var leaders = Access.Holding(Role.Leaders, "settings.leadersOnly").InChannel;
        services.AddCommand<PulseSettingsHandler>("settings", leaders, (h, turn, ct) => h.ShowAsync(turn, ct));
        services.AddAction<PulseSettingsHandler>(PulseVerbs.SaveSettings, leaders, (h, turn, ct) => h.SaveAsync(turn, ct));
        var questionAuthors = Access.Holding(Role.LeadersAndCoaches, "question.rolesOnly").InChannel;
        services.AddCommand<TeamQuestionHandler>("newQuestion", questionAuthors, (h, turn, ct) => h.ShowAsync(turn, ct));
        services.AddAction<TeamQuestionHandler>(PulseVerbs.AddQuestion, questionAuthors, (h, turn, ct) => h.AddAsync(turn, ct));
        services.AddCommand<PulseResultsCommand>("results", Access.Holding(Role.SeeAggregates, "results.rolesOnly").InChannel, (h, turn, ct) => h.ShowAsync(turn, ct));
        services.AddCommand<PulseCsvCommand>("pulseCsv", Access.Holding(Role.DownloadResults, "pulse.csv.rolesOnly").InChannel, (h, turn, ct) => h.ShowAsync(turn, ct),
            answerPrivately: true);
        services.AddCommand<MeetingThemeCommand>("theme", Access.Holding(Role.LeadersAndCoaches, "meeting.leadersOnly").InChannel, (h, turn, ct) => h.ShowAsync(turn, ct));
        services.AddMeetingFollowUp();
        var askers = Access.Holding(Role.LeadersAndCoaches, "pulse.askNow.rolesOnly").InChannel;
        services.AddCommand<PulseAskNow>("askNow", askers, (h, turn, ct) => h.AskAsync(turn, ct));
        services.AddAction<PulseAskNow>(PulseVerbs.AskNow, askers, (h, turn, ct) => h.AskAsync(turn, ct));
        services.AddCommand<PulsePromptsCommand>("pulsePause", Access.Person, (h, turn, ct) => h.PauseAsync(turn, ct), answerPrivately: true);
        services.AddCommand<PulsePromptsCommand>("pulseNoReminders", Access.Person, (h, turn, ct) => h.StopRemindersAsync(turn, ct), answerPrivately: true);
        services.AddCommand<PulsePromptsCommand>("pulseResume", Access.Person, (h, turn, ct) => h.ResumeAsync(turn, ct), answerPrivately: true);
        services.AddCommand<PulseOpenRounds>("pulse", Access.Person, (h, turn, ct) => h.ShowAsync(turn, ct));
        services.AddAction<PulseAnswers>(PulseVerbs.Answer, Access.Member, (h, turn, ct) => h.AnswerAsync(turn, ct));
        services.AddFormInputs(RouteKind.Action, PulseVerbs.Answer, new FormField(PulseAnswerPayload.CommentInput, "pulse.comment"));
        services.AddFormInputs(RouteKind.Action, PulseVerbs.SaveSettings); // choices only
        services.AddFormInputs(RouteKind.Action, PulseVerbs.AddQuestion,
            new FormField("text", "question.text"), new FormField("low", "question.low"), new FormField("high", "question.high"));
        return services;
    }
}
