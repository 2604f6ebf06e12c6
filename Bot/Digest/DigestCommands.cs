using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Digest;
using CareCompanion.Storage.Digest;

namespace CareCompanion.Bot.Digest;

/// <summary>
/// "sammendrag" / "digest": this week's digest now, for leaders and partner roles. "lederkanal" / "leaders channel",
/// typed by a leader in a channel: that channel gets the digest for leaders who cannot be reached in a personal chat.
/// </summary>
public sealed class DigestCommands(DigestBuilder builder, DigestRepository digests, TimeProvider clock)
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);

    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var (tenantId, person) = (turn.TenantId!, turn.PersonId!);
        var now = clock.GetUtcNow();
        var view = await builder.ForPersonAsync(tenantId, person, now - Period, now, ct);
        if (view is null) return Reply.Text(turn.T["digest.rolesOnly"]);
        var weekly = !await digests.IsOffAsync(tenantId, person, ct);
        return Reply.Card(DigestCard.Build(view, turn.Language, weekly: weekly));
    }

    public async Task<Reply> SetLeadersChannelAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Conversation is { } channel) await digests.SetLeadersChannelAsync(turn.Caller!.TenantId, turn.Caller.TeamId, channel, ct);
        return Reply.Text(turn.T["digest.leadersChannel"]);
    }
}
