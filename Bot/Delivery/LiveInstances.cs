using CareCompanion.Bot.Hosting;
using CareCompanion.Storage.Instances;
using Microsoft.Extensions.Options;

namespace CareCompanion.Bot.Delivery;

/// <summary>
/// Says every <see cref="DeliveryOptions.HeartbeatInterval"/> that this instance is alive and counts the instances
/// that did the same lately. The send rate limiter divides the bot's rate by that count, so when an instance dies or
/// is added the others take up its part within a few heartbeats, with no configuration to change.
/// </summary>
public sealed class LiveInstances(
    InstanceRepository instances,
    InstanceIdentity instance,
    TimeProvider clock,
    IOptions<DeliveryOptions> options,
    ILogger<LiveInstances> logger) : BackgroundService
{
    private readonly DeliveryOptions _options = options.Value;
    private int _count = 1;

    /// <summary>How many instances share the bot's send rate (at least 1: this one).</summary>
    public int Count => Volatile.Read(ref _count);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        await Periodically.RunAsync(_options.HeartbeatInterval, clock, BeatAsync,
            e => logger.LogWarning(e, "Heartbeat failed; keeping the last count of live instances ({Count}).", Count), stoppingToken);
    }

    /// <summary>One heartbeat: records this instance as alive and counts the live ones.</summary>
    public async Task BeatAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await instances.HeartbeatAsync(instance.Id, now, ct);
        var alive = await instances.CountAliveAsync(now - _options.HeartbeatInterval * 3, now - TimeSpan.FromDays(1), ct);
        var previous = Interlocked.Exchange(ref _count, Math.Max(1, alive));
        if (previous != Count)
        {
            logger.LogInformation("{Count} live instances share the send rate (was {Previous}).", Count, previous);
        }
    }
}
