namespace CareCompanion.Storage.Networks;

/// <summary>
/// Practice cards, in the partition of the scope they were shared into: "team|tenant|team", "tenant|tenant" or
/// "network|id". A reader reads only the partitions of their own team, tenant and networks, so a card reaches no one
/// outside the scope it was shared into.
/// </summary>
public sealed class PracticeRepository(Tables tables)
{
    private readonly JsonTable<PracticeCard> _cards = new(tables.Get(TableNames.Practices));

    public static string PartitionOf(string scope, string tenantId, string teamId, string? networkId) => scope switch
    {
        PracticeScope.Team => $"team|{tenantId}|{teamId}",
        PracticeScope.Tenant => $"tenant|{tenantId}",
        PracticeScope.Network => $"network|{networkId}",
        _ => throw new ArgumentException($"No practice scope '{scope}'."),
    };

    /// <summary>Stores a card; false when this id is there already (the same share delivered twice).</summary>
    public Task<bool> TryAddAsync(PracticeCard card, CancellationToken ct = default) => _cards.TryAddAsync(card.Partition, card.PracticeId, card, ct);

    public Task<PracticeCard?> GetAsync(string partition, string practiceId, CancellationToken ct = default) => _cards.GetAsync(partition, practiceId, ct);

    public Task<IReadOnlyList<PracticeCard>> ListAsync(string partition, CancellationToken ct = default) => _cards.ListAsync(partition, ct);

    /// <summary>Every card in every scope (a scan): for privacy requests and the nightly sweep, never a turn's hot path.</summary>
    public async Task<IReadOnlyList<PracticeCard>> ListAllAsync(CancellationToken ct = default) => [.. (await _cards.QueryAsync(null, ct)).Select(r => r.Record)];

    /// <summary>Changes a stored card (<paramref name="change"/> returns null to leave it).</summary>
    public Task<PracticeCard?> ChangeAsync(PracticeCard card, Func<PracticeCard, PracticeCard?> change, CancellationToken ct = default) =>
        _cards.ChangeAsync(card.Partition, card.PracticeId, change, ct);

    public Task DeleteAsync(PracticeCard card, CancellationToken ct = default) => _cards.DeleteAsync(card.Partition, card.PracticeId, ct);

    /// <summary>Counts the team's adoption once, however often it is tapped; returns the card as stored.</summary>
    public Task<PracticeCard?> AdoptAsync(string partition, string practiceId, string tenantId, string teamId, CancellationToken ct = default) =>
        _cards.ChangeAsync(partition, practiceId, card =>
        {
            var team = tenantId + "|" + teamId;
            return card.AdoptedBy.Contains(team) ? null : card with { AdoptedBy = [.. card.AdoptedBy, team] };
        }, ct);
}
