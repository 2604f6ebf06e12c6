namespace CareCompanion.Bot.Delivery;

/// <summary>
/// Proactive delivery settings ("Delivery" section). Defaults follow Teams' published bot limits
/// (research/teams-platform.md §2.1): per conversation 7/s and 60 per 30 s; per bot and tenant about 30/s.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Sends per second to one tenant (Teams limits each app per tenant): its live instances share it (<see cref="LiveInstances"/>).</summary>
    public double MessagesPerTenantPerSecond { get; set; } = 30;
    /// <summary>
    /// An optional cap on sends per second from the bot as a whole, all tenants together (what the machine or the
    /// connector allows); off when 0. Before the per-tenant rate this was the only rate, so a setting from then still caps.
    /// </summary>
    public double MessagesPerSecond { get; set; }
    /// <summary>
    /// A message a sender may not send yet (its tenant's or conversation's rate) goes back on the queue, out of sight
    /// until the rate allows it (whole seconds), but at most this long.
    /// </summary>
    public TimeSpan MaxRequeueDelay { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>
    /// A wait this short (the next token of a busy tenant's bucket) is waited out by the sender rather than put back on
    /// the queue for a whole second: at 30/s a tenant's next token is 33 ms away, and putting back its messages by the
    /// second held a national Monday to a third of the rate. A flooded conversation's wait is longer, and still goes back.
    /// </summary>
    public TimeSpan MaxWaitInSender { get; set; } = TimeSpan.FromMilliseconds(250);
    /// <summary>How many instances the rate is divided among at most; more than this send more than the rate together.</summary>
    public int MaxInstances { get; set; } = 8;
    /// <summary>How often an instance says it is alive; one not heard from for three of these no longer takes a share.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);
    public int PerConversationPerSecond { get; set; } = 7;
    public int PerConversationPer30Seconds { get; set; } = 60;
    /// <summary>Queue messages handled at once by this instance.</summary>
    public int Concurrency { get; set; } = 16;
    /// <summary>How long a claimed delivery is this instance's before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>How often a queue message is tried before it is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>Retries of one send on 429/5xx, each after Retry-After or an exponential back-off.</summary>
    public int MaxSendRetries { get; set; } = 4;
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);
    public bool Enabled { get; set; } = true;
}
