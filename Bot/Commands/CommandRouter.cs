using CareCompanion.Bot.Digest;
using CareCompanion.Bot.Goals;
using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Installation;
using CareCompanion.Bot.Privacy;
using CareCompanion.Bot.Pulse;
using CareCompanion.Bot.Roles;
using CareCompanion.Cards.Localization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Commands;

/// <summary>Routes typed commands (in bokmål, nynorsk or English) to the feature that answers them.</summary>
public sealed class CommandRouter
{
    private readonly Dictionary<string, Func<ITurnContext, CancellationToken, Task>> _commands =
        new(StringComparer.OrdinalIgnoreCase);

    public CommandRouter(PulseSettingsHandler pulseSettings, PulseResultsCommand pulseResults, PulseOpenRounds pulseOpenRounds,
        TeamQuestionHandler teamQuestions, MeetingThemeCommand meetingTheme, PrivacyRequests privacy,
        IdeaSubmissions ideaSubmissions, IdeaLists ideaLists, DigestCommands digest, GoalCommands goals, RolesHandler roles)
    {
        Add(["hjelp", "help", "start"], InstallationHandler.SendWelcomeAsync);
        Add(["innstillinger", "innstillingar", "settings"], pulseSettings.ShowAsync);
        Add(["resultater", "resultat", "results"], pulseResults.HandleAsync);
        Add(["puls", "pulse"], pulseOpenRounds.HandleAsync);
        Add(["nytt spørsmål", "new question"], teamQuestions.ShowAsync);
        Add(["tema", "theme"], meetingTheme.HandleAsync);
        Add(["mine data", "my data"], privacy.ExportAsync);
        Add(["slett mine data", "delete my data"], privacy.AskToDeleteAsync);
        Add(["idé", "ide", "idea", "ny idé", "new idea"], ideaSubmissions.ShowFormAsync);
        Add(["mine idéer", "mine ideer", "mine idéar", "mine idear", "my ideas"], ideaLists.MineAsync);
        Add(["idéer", "ideer", "idéar", "idear", "ideas"], ideaLists.OpenForLeaderAsync);
        Add(["delte idéer", "delte ideer", "delte idéar", "delte idear", "shared ideas"], ideaLists.SharedAsync);
        Add(["sammendrag", "samandrag", "digest"], digest.ShowAsync);
        Add(["lederkanal", "leiarkanal", "leaders channel"], digest.SetLeadersChannelAsync);
        Add(["nytt mål", "new goal"], goals.ShowFormAsync);
        Add(["mål", "goals"], goals.ListAsync);
        Add(["roller", "roles"], roles.ShowAsync);
    }

    public Task HandleAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var word = Normalize(turnContext.Activity);
        if (_commands.TryGetValue(word, out var handler))
        {
            return handler(turnContext, ct);
        }
        return turnContext.SendActivityAsync(Texts.ForLocale(turnContext.Activity.Locale)["command.unknown"], cancellationToken: ct);
    }

    /// <summary>The command word: @mention of the bot removed, trimmed, without trailing punctuation.</summary>
    public static string Normalize(Activity activity)
    {
        var text = activity.RemoveRecipientMention() ?? activity.Text ?? "";
        return text.Trim().TrimEnd('.', '!', '?').Trim();
    }

    private void Add(IEnumerable<string> words, Func<ITurnContext, CancellationToken, Task> handler)
    {
        foreach (var word in words)
        {
            _commands.Add(word, handler);
        }
    }
}
