using System.Diagnostics;
using CareCompanion.Storage;

namespace CareCompanion.Bot.Telemetry;

/// <summary>
/// One turn or job as telemetry sees it: its span, its Table Storage round trips and its duration. Start it in the
/// async method doing the work (the round-trip count follows that method's flow) and <see cref="Finish"/> it in a finally.
/// </summary>
public sealed class Operation
{
    private readonly Activity? _span;
    private readonly StorageOperations.RoundTrips _storage = StorageOperations.CountWithin();
    private readonly long _started = Stopwatch.GetTimestamp();

    private Operation(Activity? span) => _span = span;

    public static Operation Start(string name, params KeyValuePair<string, object?>[] tags) =>
        new(BotTelemetry.Source.StartActivity(name, ActivityKind.Internal, parentContext: default, tags));

    /// <summary>What came of it, as a word ("answered", "refused", "fault", "queued", …); the last one set is tagged.</summary>
    public string Outcome { get; set; } = "error";

    public void Tag(string name, object? value) => _span?.SetTag(name, value);

    /// <summary>Tags the outcome and the round trips, ends the span, and returns how long it took.</summary>
    public TimeSpan Finish()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        if (_span is not null)
        {
            _span.SetTag(BotTelemetry.Outcome, Outcome);
            _span.SetTag(BotTelemetry.StorageRoundTrips, _storage.Count);
            if (Outcome is "error" or "fault" or "failed") _span.SetStatus(ActivityStatusCode.Error);
            _span.Dispose();
        }
        return elapsed;
    }
}
