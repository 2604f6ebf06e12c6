using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CareCompanion.Tests.Support;

/// <summary>
/// The measurements one bot's meters record from now on: only that bot's (its own IMeterFactory), not those of
/// another test's bot running in the same process under the same meter names.
/// </summary>
public sealed class BotMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, string[] Tags)> _recorded = new();

    public BotMeasurements(BotServer bot)
    {
        var scope = bot.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == scope) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The values recorded on <paramref name="instrument"/> with the tag <paramref name="tag"/> ("name=value").</summary>
    public IReadOnlyList<double> Values(string instrument, string tag) =>
        [.. _recorded.Where(r => r.Instrument == instrument && r.Tags.Contains(tag)).Select(r => r.Value)];

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var written = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++) written[i] = $"{tags[i].Key}={tags[i].Value}";
        _recorded.Enqueue((instrument.Name, value, written));
    }

    public void Dispose() => _listener.Dispose();
}
