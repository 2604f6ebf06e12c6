using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// "Vi har også prøvd dette" on a practice card in a team's channel: counts the team once, however many of its people
/// tap it. Only a team that may read the card can (a forged card naming another partition is refused).
/// </summary>
public sealed class PracticeAdoption(PracticeRepository practices, PracticeReaders readers)
{
    public async Task<Reply> AdoptAsync(Turn turn, CancellationToken ct)
    {
        var (t, caller) = (turn.T, turn.Caller!);
        if (turn.Payload<PracticeRef>() is not { } data || await readers.ReadAsync(data.Where, data.Practice, caller.TenantId, caller.TeamId, t, ct) is not { } found)
        {
            return Reply.Text(t["network.error"]);
        }
        var card = await practices.AdoptAsync(data.Where, data.Practice, caller.TenantId, caller.TeamId, ct) ?? found.Card;
        var view = await readers.ViewAsync(card, found.ScopeLabel, t, ct);
        return Reply.Card(PracticeCards.Practice(view, turn.Language, notice: t["practice.adopted"]));
    }
}
