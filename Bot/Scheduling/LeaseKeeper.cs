using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Scheduling;

/// <summary>
/// Keeps a claimed job's lease alive while its handler plans. Planning Friday's digest for a municipality of many teams
/// (a roster read per team, at the tenant's rate) can outlast the lease; another instance would then take the job up
/// and plan it again, lose it the same way, and the digest might never go out.
/// </summary>
public sealed class LeaseKeeper
{
    private readonly JobRepository _jobs;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private ScheduledJob? _job;

    private LeaseKeeper(JobRepository jobs, ScheduledJob claimed, TimeSpan lease, TimeProvider clock)
    {
        (_jobs, _job, _lease, _clock) = (jobs, claimed, lease, clock);
        _renewing = RenewAsync(_stop.Token);
    }

    /// <summary>Renews <paramref name="claimed"/>'s lease every third of it until <see cref="StopAsync"/>.</summary>
    public static LeaseKeeper Start(JobRepository jobs, ScheduledJob claimed, TimeSpan lease, TimeProvider clock) => new(jobs, claimed, lease, clock);

    /// <summary>Stops renewing; the job as last recorded (for its ETag), or null when another instance took it meanwhile.</summary>
    public async Task<ScheduledJob?> StopAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
        return _job;
    }

    private async Task RenewAsync(CancellationToken stop)
    {
        while (_job is { } job)
        {
            try
            {
                await Task.Delay(_lease / 3, _clock, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            // Not cancelled half-way: a renewal that was written must be known, or its new ETag would look like a lost lease.
            _job = await _jobs.RecordProgressAsync(job, job.QueuedThrough, _clock.GetUtcNow() + _lease, CancellationToken.None);
        }
    }
}
