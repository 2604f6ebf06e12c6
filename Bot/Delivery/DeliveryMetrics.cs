using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CareCompanion.Bot.Delivery;

/// <summary>Counts per job of this instance: due, sent, retried, failed. Shown on /metrics (with the operators' key) and as .NET metrics.</summary>
public sealed class DeliveryMetrics
{
    public const string MeterName = "CareCompanion.Delivery";

    private readonly ConcurrentDictionary<string, JobCounts> _jobs = new();
    private readonly Counter<long> _due;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _failed;
    private long _jobsRun;
    private long _jobsLate;

    public DeliveryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _due = meter.CreateCounter<long>("carecompanion.delivery.due", description: "Messages planned by due jobs");
        _sent = meter.CreateCounter<long>("carecompanion.delivery.sent");
        _retried = meter.CreateCounter<long>("carecompanion.delivery.retried", description: "Send retries after 429/5xx");
        _failed = meter.CreateCounter<long>("carecompanion.delivery.failed", description: "Deliveries given up for good");
    }

    public void JobRun(string jobId, int recipients, bool late)
    {
        Interlocked.Increment(ref _jobsRun);
        if (late) Interlocked.Increment(ref _jobsLate);
        Interlocked.Add(ref Job(jobId).Due, recipients);
        _due.Add(recipients);
    }

    public void Sent(string jobId) { Interlocked.Increment(ref Job(jobId).Sent); _sent.Add(1); }

    public void Retried(string jobId) { Interlocked.Increment(ref Job(jobId).Retried); _retried.Add(1); }

    public void Failed(string jobId) { Interlocked.Increment(ref Job(jobId).Failed); _failed.Add(1); }

    public object Snapshot() => new
    {
        jobsRun = Interlocked.Read(ref _jobsRun),
        jobsLate = Interlocked.Read(ref _jobsLate),
        jobs = _jobs.ToDictionary(j => j.Key, j => new { due = j.Value.Due, sent = j.Value.Sent, retried = j.Value.Retried, failed = j.Value.Failed }),
    };

    public (long Due, long Sent, long Retried, long Failed) For(string jobId)
    {
        var j = Job(jobId);
        return (j.Due, j.Sent, j.Retried, j.Failed);
    }

    private JobCounts Job(string jobId)
    {
        if (_jobs.Count > 500) _jobs.Clear(); // a long-running instance keeps recent jobs only
        return _jobs.GetOrAdd(jobId, _ => new JobCounts());
    }

    private sealed class JobCounts
    {
        public long Due;
        public long Sent;
        public long Retried;
        public long Failed;
    }
}
