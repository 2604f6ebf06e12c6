namespace CareCompanion.Bot.Scheduling;

public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>
    /// How long a claimed job is this instance's; after that (a crash) another instance goes on with it. The fan-out
    /// extends it as it goes, so it bounds how long a crash holds up a job, not how long a job may take.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>A job started later than this after its due time is logged as a warning.</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(5);
    public int EnqueueConcurrency { get; set; } = 16;
    /// <summary>
    /// How many tenants' due jobs one instance runs side by side in a pass (each tenant's own one after another): a
    /// national Monday goes as fast as the tenants worked on at once, over a job's time (about ten round trips one after
    /// another). Two instances at 16 cover 32 municipalities at a time.
    /// </summary>
    public int TenantsAtOnce { get; set; } = 16;
    /// <summary>
    /// Due jobs one pass takes (in turns across tenants) from one read of the due entries. Every pass reads all due
    /// entries, so a small pass makes a national Monday read them again and again: at 100 per pass, 10,000 rounds due
    /// at once meant 100 reads of 10,000 entries per instance.
    /// </summary>
    public int JobsPerPass { get; set; } = 1000;
    /// <summary>
    /// The fan-out keeps the delivery queue at most this long: 20 s of sending at 25 msg/s. Longer costs Azurite (its
    /// queue scans every message on each operation: 1,000 gave 88 % of the allowed rate where 500 gave 91 %); shorter
    /// lets the senders run dry sooner when the instance queueing a job dies (until its lease runs out).
    /// </summary>
    public int MaxQueued { get; set; } = 500;
    /// <summary>Messages queued between two progress records of a job.</summary>
    public int FanOutChunk { get; set; } = 100;
    /// <summary>How often a fan-out waiting for room looks at the queue again.</summary>
    public TimeSpan FanOutPoll { get; set; } = TimeSpan.FromSeconds(1);
}
