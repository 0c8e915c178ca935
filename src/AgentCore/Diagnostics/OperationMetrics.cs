using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace AgentCore.Diagnostics;

/// <summary>
/// Per-operation metrics through <see cref="System.Diagnostics.Metrics"/> (meter <c>AgentCore</c>): a counter of
/// operations, a counter of bytes processed and a duration histogram in milliseconds, each tagged
/// <c>operation=NAME</c>. Every operation is also a profiling scope, and one slower than
/// <see cref="SlowOperationWarnings.Threshold"/> is reported by <see cref="SlowOperationWarnings"/>.
/// </summary>
/// <remarks>
/// Instruments publish only to in-process <see cref="MeterListener"/>s (<see cref="MetricsCollector"/>), which work
/// with <c>EventSourceSupport=false</c>: nothing here uses EventSource or EventPipe. With no listener an operation
/// costs two timestamp reads and three <c>Enabled</c> checks. Thread-safe.
/// </remarks>
public static class OperationMetrics
{
    /// <summary>The meter's name, for <see cref="MeterListener"/>s.</summary>
    public const string MeterName = "AgentCore";

    /// <summary>Name of the counter of completed operations.</summary>
    public const string CountInstrument = "agentcore.operation.count";

    /// <summary>Name of the counter of bytes the operations processed.</summary>
    public const string BytesInstrument = "agentcore.operation.bytes";

    /// <summary>Name of the histogram of operation durations (ms).</summary>
    public const string DurationInstrument = "agentcore.operation.duration";

    /// <summary>Name of the counter of operations that ended with an exception.</summary>
    public const string FailureInstrument = "agentcore.operation.failures";

    private static readonly Meter s_meter = new(MeterName);
    private static readonly Counter<long> s_count = s_meter.CreateCounter<long>(CountInstrument, "{operation}", "Operations completed");
    private static readonly Counter<long> s_bytes = s_meter.CreateCounter<long>(BytesInstrument, "By", "Bytes processed by operations");
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>(DurationInstrument, "ms", "Operation duration");
    private static readonly Counter<long> s_failures = s_meter.CreateCounter<long>(FailureInstrument, "{operation}", "Operations that failed");

    /// <summary>
    /// Begins operation <paramref name="name"/> over <paramref name="bytes"/> bytes of input; dispose the result when it
    /// ends (<c>using var op = OperationMetrics.Begin("tokens.count", bytes.Length);</c>).
    /// </summary>
    /// <param name="name">A constant name, <c>concern.verb</c>: it is stored by reference and is the metrics' tag.</param>
    /// <param name="bytes">Input size, or 0 when it is not known up front.</param>
    /// <param name="async">True when the operation spans awaits (it then gets its own trace track).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OperationScope Begin(string name, long bytes = 0, bool async = false) =>
        new(name, bytes, Stopwatch.GetTimestamp(), async ? Profiler.AsyncScope(name) : Profiler.Scope(name));

    /// <summary>Records an operation that took <paramref name="elapsedTicks"/> Stopwatch ticks.</summary>
    public static void Record(string name, long bytes, long elapsedTicks, bool failed = false)
    {
        var tag = new KeyValuePair<string, object?>("operation", name);
        if (s_count.Enabled)
        {
            s_count.Add(1, tag);
        }

        if (bytes > 0 && s_bytes.Enabled)
        {
            s_bytes.Add(bytes, tag);
        }

        double ms = elapsedTicks * 1000.0 / Stopwatch.Frequency;
        if (s_duration.Enabled)
        {
            s_duration.Record(ms, tag);
        }

        if (failed && s_failures.Enabled)
        {
            s_failures.Add(1, tag);
        }

        if (ms >= SlowOperationWarnings.Threshold.TotalMilliseconds)
        {
            SlowOperationWarnings.Report(name, ms);
        }
    }
}
