using System.Diagnostics.Metrics;
using MagBot.Dialogs.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Support;

/// <summary>Listens to the meter of one bot only (other tests run bots in parallel in the same process).</summary>
public sealed class RecordedMetrics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, string> Tags)> _measurements = [];

    public RecordedMetrics(BotConversation conv)
    {
        var meter = conv.Services.GetRequiredService<ConversationMetrics>().Meter;
        _listener.InstrumentPublished = (instrument, listener) => { if (instrument.Meter == meter) listener.EnableMeasurementEvents(instrument); };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public IReadOnlyList<(string Instrument, double Value, Dictionary<string, string> Tags)> Measurements
    {
        get { lock (_measurements) return [.. _measurements]; }
    }

    public double Sum(string instrument, params (string Key, string Value)[] tags) =>
        Measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value)).Sum(m => m.Value);

    public int Count(string instrument) => Measurements.Count(m => m.Instrument == instrument);

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags) copy[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        lock (_measurements) _measurements.Add((instrument.Name, value, copy));
    }

    public void Dispose() => _listener.Dispose();
}
