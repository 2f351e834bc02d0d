using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OrderManagement.BuildingBlocks.Observability;

// A counter whose series exist from the first collection, at 0, for every label set known in advance. A Counter<T>
// series appears only at its first Add, so increase(...[1h]) over a window holding that first increment misses it
// (reads 0 after the first dead letter) and extrapolation skews small counts (3 expiries read as 2.16). A label set
// met later is added on its first Add, as with Counter<T>.
public sealed class SeededCounter
{
    private readonly string[] _labels;
    private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

    public SeededCounter(Meter meter, string name, string unit, string description, string[] labels, IEnumerable<string[]> known)
    {
        _labels = labels;
        foreach (var values in known)
        {
            SeriesOf(values);
        }

        meter.CreateObservableCounter(name, () => _series.Values.Select(s => new Measurement<long>(Interlocked.Read(ref s.Count), s.Tags)), unit, description);
    }

    // A counter without labels: its one series is there from the start.
    public SeededCounter(Meter meter, string name, string unit, string description)
        : this(meter, name, unit, description, [], [[]])
    {
    }

    public void Add(params string[] values) => Interlocked.Increment(ref SeriesOf(values).Count);

    private Series SeriesOf(string[] values)
    {
        if (values.Length != _labels.Length)
        {
            throw new ArgumentException($"Expected {_labels.Length} label values ({string.Join(", ", _labels)}), got {values.Length}.", nameof(values));
        }

        return _series.GetOrAdd(string.Join('\u001f', values),
            static (_, state) => new Series(state.Labels.Zip(state.Values, (n, v) => KeyValuePair.Create(n, (object?)v)).ToArray()),
            (Labels: _labels, Values: values));
    }

    private sealed class Series(KeyValuePair<string, object?>[] tags)
    {
        public long Count;

        public KeyValuePair<string, object?>[] Tags { get; } = tags;
    }
}
