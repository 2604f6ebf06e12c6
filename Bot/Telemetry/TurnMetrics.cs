using System.Diagnostics.Metrics;
using CareCompanion.Bot.Teams;

namespace CareCompanion.Bot.Telemetry;

/// <summary>Turn latency by route: kind, key and outcome, nothing about who asked.</summary>
public sealed class TurnMetrics
{
    public const string MeterName = "CareCompanion.Turns";

    private readonly Histogram<double> _duration;

    public TurnMetrics(IMeterFactory meters)
    {
        _duration = meters.Create(MeterName).CreateHistogram<double>("carecompanion.turn.duration", unit: "s",
            description: "Time from the activity reaching the route table to the reply");
    }

    public void Record(BotRoute route, string outcome, TimeSpan elapsed) => _duration.Record(elapsed.TotalSeconds,
        new(BotTelemetry.RouteKind, route.Kind.ToString()), new(BotTelemetry.RouteKey, route.Key), new(BotTelemetry.Outcome, outcome));

    /// <summary>The tags a turn's span starts with.</summary>
    public static KeyValuePair<string, object?>[] Tags(BotRoute route) =>
    [
        new(BotTelemetry.RouteKind, route.Kind.ToString()),
        new(BotTelemetry.RouteKey, route.Key),
        new(BotTelemetry.Feature, route.Handler.Namespace?.Split('.')[^1]),
    ];
}
