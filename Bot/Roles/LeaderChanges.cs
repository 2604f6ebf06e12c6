namespace CareCompanion.Bot.Roles;

/// <summary>
/// Told when a team's leader role changes hands: a leader role given with "roller" to someone who did not hold it, or
/// a leader losing it (taken with "roller", or gone with the person leaving the team). The handover feature listens.
/// </summary>
public interface ILeaderChangeListener
{
    /// <summary>Before the role is taken: a person's leader role in the team is about to go.</summary>
    Task OnLeaderRemovingAsync(string tenantId, string teamId, CancellationToken ct);

    /// <summary>After any leader role change in the team (given or taken), once it is stored; a repeat must change nothing.</summary>
    Task OnLeaderChangedAsync(string tenantId, string teamId, CancellationToken ct);
}

/// <summary>Tells every <see cref="ILeaderChangeListener"/>; with none registered, nothing happens.</summary>
public sealed class LeaderChanges(IEnumerable<ILeaderChangeListener> listeners)
{
    public async Task RemovingAsync(string tenantId, string teamId, CancellationToken ct)
    {
        foreach (var listener in listeners) await listener.OnLeaderRemovingAsync(tenantId, teamId, ct);
    }

    public async Task ChangedAsync(string tenantId, string teamId, CancellationToken ct)
    {
        foreach (var listener in listeners) await listener.OnLeaderChangedAsync(tenantId, teamId, ct);
    }
}
