using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Handover;

namespace CareCompanion.Bot.Handover;

/// <summary>"overlevering" / "handover" in a team's channel: the team's leader gets the handover card in their personal chat.</summary>
public sealed class HandoverCommand(HandoverBuilder builder, TimeProvider clock)
{
    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var caller = turn.Caller!;
        var view = await builder.ForTeamAsync(caller.TenantId, caller.TeamId, clock.GetUtcNow(), ct);
        return Reply.Card(HandoverCard.Build(view, turn.Language, newLeader: false));
    }
}
