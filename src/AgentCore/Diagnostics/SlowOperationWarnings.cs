using System.Diagnostics;
using System.Globalization;

namespace AgentCore.Diagnostics;

/// <summary>
/// One structured line on stderr for an operation slower than <see cref="Threshold"/> (100 ms):
/// <c>{"level":"warning","event":"slow_operation","operation":"tokens.count","durationMs":153.2}</c>, at most
/// one line per <see cref="MinInterval"/>; the lines skipped in between are counted in the next one
/// (<c>"suppressed":N</c>), so a flood of slow operations costs a line a second, not a line per operation.
/// </summary>
/// <remarks>Thread-safe. The host may redirect the lines (<see cref="Output"/>) or turn them off (<see cref="Enabled"/>).</remarks>
public static class SlowOperationWarnings
{
    private static readonly Lock s_lock = new();
    private static long s_lastTicks = long.MinValue;
    private static long s_suppressed;
    private static long s_total;

    /// <summary>Operations at least this long are reported: 100 ms.</summary>
    public static TimeSpan Threshold { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>At most one line per this interval: 1 s.</summary>
    public static TimeSpan MinInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether lines are written (slow operations are counted either way).</summary>
    public static bool Enabled { get; set; } = true;

    /// <summary>Where lines go; null means the process's stderr.</summary>
    public static TextWriter? Output { get; set; }

    /// <summary>Slow operations seen since the process started.</summary>
    public static long Total => Interlocked.Read(ref s_total);

    /// <summary>Forgets the rate limiter's state (tests).</summary>
    internal static void ResetRateLimit()
    {
        lock (s_lock)
        {
            s_lastTicks = long.MinValue;
            s_suppressed = 0;
        }
    }

    internal static void Report(string operation, double milliseconds)
    {
        Interlocked.Increment(ref s_total);
        if (!Enabled)
        {
            return;
        }

        long now = Stopwatch.GetTimestamp();
        long suppressed;
        lock (s_lock)
        {
            if (s_lastTicks != long.MinValue && now - s_lastTicks < MinInterval.TotalSeconds * Stopwatch.Frequency)
            {
                s_suppressed++;
                return;
            }

            s_lastTicks = now;
            suppressed = s_suppressed;
            s_suppressed = 0;
        }

        string line = string.Create(CultureInfo.InvariantCulture,
            $"{{\"level\":\"warning\",\"event\":\"slow_operation\",\"operation\":\"{operation}\",\"durationMs\":{milliseconds:0.0}{(suppressed > 0 ? $",\"suppressed\":{suppressed}" : "")}}}\n");
        try
        {
            (Output ?? Console.Error).Write(line);
        }
        catch (IOException)
        {
            // stderr is gone: the warning is best effort and must never fail the operation.
        }
    }
}
