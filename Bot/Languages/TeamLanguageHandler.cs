using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Languages;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Languages;

/// <summary>
/// "språk" / "målform" / "language" in a team's channel: the language of everything the bot posts in the team's channels
/// (the weekly question, results, ideas, goals), chosen by the team's leaders; until then the installer's.
/// </summary>
public sealed class TeamLanguageHandler(TeamRepository teams)
{
    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct) =>
        await teams.GetAsync(turn.Caller!.TenantId, turn.Caller.TeamId, ct) is { } team
            ? Reply.Card(TeamLanguageCard.Build(turn.Language, team.TeamId, TeamChannel.LanguageOf(team)))
            : Reply.Text(turn.T["command.teamOnly"]);

    /// <summary>A leader tapped a language: stored with the team; the answer is in the team's new language.</summary>
    public async Task<Reply> SetAsync(Turn turn, CancellationToken ct)
    {
        if (LanguageResolver.FromCode(turn.Payload<TeamLanguageChoice>()?.Code) is not { } chosen) return Reply.Text(turn.T["error.notAllowed"]);
        if (await teams.GetAsync(turn.Caller!.TenantId, turn.Caller.TeamId, ct) is not { } team) return Reply.Text(turn.T["command.teamOnly"]);
        await teams.SaveAsync(team with { Language = chosen.Code() }, ct);
        var t = Texts.For(chosen);
        return Reply.Text(t.Format("language.team.chosen", TeamLanguageCard.NameOf(t, chosen)));
    }
}
