using System.Diagnostics.Metrics;

namespace AgentCore.Diagnostics;

/// <summary>
/// An in-process <see cref="MeterListener"/> that aggregates the <see cref="OperationMetrics"/> instruments per
/// operation: counts, bytes, failures and durations (sum, max, and a log-scale histogram for percentiles).
/// </summary>
/// <remarks>
/// Works under Native AOT with <c>EventSourceSupport=false</c> (a listener is plain in-process callbacks). Memory is
/// bounded: one fixed-size record per distinct operation name. Thread-safe; dispose to stop listening.
/// </remarks>
public sealed class MetricsCollector : IDisposable
{
    // Duration buckets: 10 per decade (ratio 1.26, so a percentile is within ~13 % of the truth, reported at the
    // bucket's geometric middle), from 1 µs to 10^6 ms.
    private const int BucketsPerDecade = 10;
    private const double MinMs = 0.001;
    private const int BucketCount = 9 * BucketsPerDecade + 1;

    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Starts listening to the <see cref="OperationMetrics.MeterName"/> meter.</summary>
    public MetricsCollector()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OperationMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
    }

    /// <summary>The aggregated figures, one per operation name, by name.</summary>
    /// <param name="reset">Clear the figures in the same step (nothing measured in between is lost).</param>
    public IReadOnlyList<OperationStats> Snapshot(bool reset = false)
    {
        var list = new List<OperationStats>();
        lock (_lock)
        {
            foreach ((string name, Entry e) in _entries)
            {
                list.Add(new OperationStats(name, e.Count, e.Failures, e.Bytes, e.TotalMs, e.MaxMs, e.Percentile(0.5), e.Percentile(0.99)));
            }

            if (reset)
            {
                _entries.Clear();
            }
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Operation, b.Operation));
        return list;
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _listener.Dispose();

    private static string? OperationOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == "operation")
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? name = OperationOf(tags);
        if (name is null)
        {
            return;
        }

        lock (_lock)
        {
            Entry e = GetEntry(name);
            switch (instrument.Name)
            {
                case OperationMetrics.CountInstrument:
                    e.Count += value;
                    break;
                case OperationMetrics.BytesInstrument:
                    e.Bytes += value;
                    break;
                case OperationMetrics.FailureInstrument:
                    e.Failures += value;
                    break;
            }
        }
    }

    private void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? name = OperationOf(tags);
        if (name is null || instrument.Name != OperationMetrics.DurationInstrument)
        {
            return;
        }

        lock (_lock)
        {
            GetEntry(name).AddDuration(value);
        }
    }

    private Entry GetEntry(string name)
    {
        if (!_entries.TryGetValue(name, out Entry? e))
        {
            e = new Entry();
            _entries[name] = e;
        }

        return e;
    }

    private sealed class Entry
    {
        private readonly long[] _buckets = new long[BucketCount];
        private long _samples;

        public long Count { get; set; }

        public long Bytes { get; set; }

        public long Failures { get; set; }

        public double TotalMs { get; private set; }

        public double MaxMs { get; private set; }

        public void AddDuration(double ms)
        {
            TotalMs += ms;
            MaxMs = Math.Max(MaxMs, ms);
            int bucket = ms <= MinMs ? 0 : (int)Math.Min(BucketCount - 1, Math.Ceiling(Math.Log10(ms / MinMs) * BucketsPerDecade));
            _buckets[bucket]++;
            _samples++;
        }

        public double Percentile(double p)
        {
            if (_samples == 0)
            {
                return 0;
            }

            long rank = (long)Math.Ceiling(p * _samples);
            long seen = 0;
            for (int i = 0; i < BucketCount; i++)
            {
                seen += _buckets[i];
                if (seen >= rank)
                {
                    // The bucket's geometric middle, capped by the largest value seen.
                    double upper = MinMs * Math.Pow(10, (double)i / BucketsPerDecade);
                    return Math.Min(MaxMs, i == 0 ? upper : upper / Math.Pow(10, 0.5 / BucketsPerDecade));
                }
            }

            return MaxMs;
        }
    }
}
