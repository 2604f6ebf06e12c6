using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "csv" in a team channel, for the team's HMS group (leader, union and safety representative): a link to the team's
/// aggregates as CSV, in the person's own chat. The link is minted now and lives a quarter of an hour.
/// </summary>
public sealed class PulseCsvCommand(PulseLinks links)
{
    public Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var url = links.Create(PulseLinks.Csv, turn.Caller!.TenantId, turn.Caller.TeamId, turn.Language.Code(), PulseLinks.CsvLifetime);
        return Task.FromResult(Reply.Card(PulseCsvCard.Build(url, (int)PulseLinks.CsvLifetime.TotalMinutes, turn.Language)));
    }
}
