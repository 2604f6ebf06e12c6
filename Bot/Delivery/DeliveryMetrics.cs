using System.Diagnostics.Metrics;
using CareCompanion.Bot.Telemetry;

namespace CareCompanion.Bot.Delivery;

/// <summary>
/// Delivery as OpenTelemetry metrics, by job kind: messages due, sent, retried, throttled (429), put back for their rate and failed, how late
/// jobs start, and the delivery queue's length as last seen. Job ids are never tags: they contain tenant and team ids.
/// </summary>
public sealed class DeliveryMetrics
{
    public const string MeterName = "CareCompanion.Delivery";
    /// <summary>The "kind" of retries that belong to no job: replies to turns and other calls from the bot.</summary>
    public const string NoJob = "none";

    private readonly Counter<long> _due;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _requeued;
    private readonly Histogram<double> _lateness;
    private long _queueLength;

    public DeliveryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _due = meter.CreateCounter<long>("carecompanion.delivery.due", description: "Messages planned by due jobs");
        _sent = meter.CreateCounter<long>("carecompanion.delivery.sent", description: "Messages delivered");
        _retried = meter.CreateCounter<long>("carecompanion.delivery.retried", description: "Send retries after 429/5xx");
        _throttled = meter.CreateCounter<long>("carecompanion.delivery.throttled", description: "429 answers from Teams");
        _failed = meter.CreateCounter<long>("carecompanion.delivery.failed", description: "Deliveries given up for good");
        _requeued = meter.CreateCounter<long>("carecompanion.delivery.requeued", description: "Messages put back on the queue until their tenant's or conversation's rate allows them");
        _lateness = meter.CreateHistogram<double>("carecompanion.job.lateness", unit: "s", description: "How long after its due time a job started");
        meter.CreateObservableGauge("carecompanion.delivery.queue_length", () => Interlocked.Read(ref _queueLength),
            description: "Messages waiting on the delivery queue, as last seen");
    }

    public void JobRun(string kind, int recipients, TimeSpan lateness)
    {
        _due.Add(recipients, Kind(kind));
        _lateness.Record(Math.Max(0, lateness.TotalSeconds), Kind(kind));
    }

    public void Sent(string jobId) => _sent.Add(1, KindOf(jobId));

    /// <param name="jobId">The job being delivered, or null for calls outside delivery.</param>
    public void Retried(string? jobId, bool throttled)
    {
        var kind = jobId is null ? Kind(NoJob) : KindOf(jobId);
        _retried.Add(1, kind);
        if (throttled) _throttled.Add(1, kind);
    }

    public void Requeued(string jobId) => _requeued.Add(1, KindOf(jobId));

    public void Failed(string jobId) => _failed.Add(1, KindOf(jobId));

    public void QueueLength(int messages) => Interlocked.Exchange(ref _queueLength, messages);

    /// <summary>A job id starts with its kind ("idea.post|tenant|…", see JobKind); an id of another shape says nothing safe.</summary>
    private static KeyValuePair<string, object?> KindOf(string jobId) => Kind(jobId.IndexOf('|') is var bar and > 0 ? jobId[..bar] : "other");

    private static KeyValuePair<string, object?> Kind(string kind) => new(BotTelemetry.JobKind, kind);
}
