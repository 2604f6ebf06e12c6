using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Languages;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.People;
using CareCompanion.Storage.Roles;

namespace CareCompanion.Bot.Languages;

/// <summary>Målform: the team's language for its channels (leaders), and each person's own for what the bot writes to them.</summary>
public static class LanguageFeature
{
    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddSingleton<PersonSettingsRepository>();
        services.AddSingleton<PersonLanguages>();

        var leaders = Access.Holding(Role.Leaders, "settings.leadersOnly").InChannel;
        services.AddCommand<TeamLanguageHandler>("teamLanguage", leaders, (h, turn, ct) => h.ShowAsync(turn, ct));
        services.AddAction<TeamLanguageHandler>(LanguageVerbs.SetTeam, leaders, (h, turn, ct) => h.SetAsync(turn, ct));

        services.AddCommand<MyLanguageCommand>("myLanguageBokmal", Access.Person, (h, turn, ct) => h.ChooseAsync(turn, Language.Bokmal, ct));
        services.AddCommand<MyLanguageCommand>("myLanguageNynorsk", Access.Person, (h, turn, ct) => h.ChooseAsync(turn, Language.Nynorsk, ct));
        services.AddCommand<MyLanguageCommand>("myLanguageEnglish", Access.Person, (h, turn, ct) => h.ChooseAsync(turn, Language.English, ct));
        return services;
    }
}
