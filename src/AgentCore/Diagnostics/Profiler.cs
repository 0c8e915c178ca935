using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AgentCore.Diagnostics;

/// <summary>
/// Profiling scopes: named, nestable time spans recorded into a bounded buffer and written as Chrome trace-event
/// JSON (<see cref="ChromeTraceWriter"/>), which Perfetto and chrome://tracing open.
/// </summary>
/// <remarks>
/// Off until <see cref="Start"/>. When off, <see cref="Scope"/> is one read of a static field and a branch (the
/// benchmark <c>ProfilingScopeBenchmarks</c> measures it against no scope at all, <c>ScopeCostBenchmarks</c> the hot
/// loops of the library against the same loops with the switch below folded out). Publishing with the feature switch
/// <c>AgentCore.Diagnostics.Profiler.IsSupported=false</c> folds <see cref="IsEnabled"/> to false and removes the
/// recording code altogether. Each thread gets its own track; a scope that ends on another thread than it began (an
/// async continuation) and every <see cref="AsyncScope"/> get a track of their own. Thread-safe.
/// </remarks>
public static class Profiler
{
    /// <summary>Track ids at and above this value are async tracks, not threads.</summary>
    public const int AsyncTrackBase = 1 << 20;

    /// <summary>Default most events kept (32 bytes each): beyond it events are dropped and counted.</summary>
    public const int DefaultCapacity = 1 << 20;

    private static readonly Lock s_namesLock = new();
    private static readonly Dictionary<int, string> s_threadNames = [];
    private static volatile bool s_enabled;
    private static TraceBuffer? s_buffer;
    private static long s_origin;
    private static int s_nextAsyncTrack = AsyncTrackBase;

    [ThreadStatic]
    private static bool t_registered;

    /// <summary>False when the app was published with profiling compiled out (feature switch).</summary>
    [FeatureSwitchDefinition("AgentCore.Diagnostics.Profiler.IsSupported")]
    public static bool IsSupported { get; } = !AppContext.TryGetSwitch("AgentCore.Diagnostics.Profiler.IsSupported", out bool supported) || supported;

    /// <summary>True while scopes are being recorded.</summary>
    public static bool IsEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => IsSupported && s_enabled;
    }

    /// <summary>Events dropped because the buffer was full.</summary>
    public static long DroppedEvents => s_buffer?.Dropped ?? 0;

    /// <summary>Starts recording (clearing anything recorded before), keeping at most <paramref name="capacity"/> events.</summary>
    public static void Start(int capacity = DefaultCapacity)
    {
        if (!IsSupported)
        {
            return;
        }

        s_buffer = new TraceBuffer(capacity);
        s_origin = Stopwatch.GetTimestamp();
        lock (s_namesLock)
        {
            s_threadNames.Clear();
        }

        t_registered = false;
        Thread current = Thread.CurrentThread;
        RegisterThread(current.Name ?? "main");
        s_enabled = true;
    }

    /// <summary>
    /// Stops recording and writes what was recorded to <paramref name="output"/> as Chrome trace-event JSON
    /// (<see cref="ChromeTraceWriter"/>); returns the number of events written and dropped.
    /// </summary>
    public static TraceWriteResult StopAndWrite(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        TraceSnapshot snapshot = Stop();
        ChromeTraceWriter.Write(output, snapshot);
        return new TraceWriteResult(snapshot.Events.Count, snapshot.Dropped);
    }

    /// <summary>Stops recording and returns what was recorded (the process id, thread names, events, drops).</summary>
    internal static TraceSnapshot Stop()
    {
        s_enabled = false;
        TraceBuffer? buffer = s_buffer;
        s_buffer = null;
        var events = new List<TraceEvent>(buffer?.Count ?? 0);
        buffer?.CopyTo(events);
        Dictionary<int, string> names;
        lock (s_namesLock)
        {
            names = new Dictionary<int, string>(s_threadNames);
        }

        return new TraceSnapshot(Environment.ProcessId, events, names, buffer?.Dropped ?? 0, Stopwatch.Frequency);
    }

    /// <summary>Begins a scope that ends when the returned value is disposed (<c>using var _ = Profiler.Scope("x");</c>).</summary>
    /// <param name="name">A constant name, e.g. <c>tokens.count</c>: it is stored by reference.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ProfileScope Scope(string name) => IsEnabled ? new ProfileScope(name, Stopwatch.GetTimestamp(), Environment.CurrentManagedThreadId, async: false) : default;

    /// <summary>
    /// Begins a scope that spans awaits: it is drawn on a track of its own (async operations overlap on one thread,
    /// and their continuations run on any thread).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ProfileScope AsyncScope(string name) => IsEnabled ? new ProfileScope(name, Stopwatch.GetTimestamp(), 0, async: true) : default;

    internal static void Record(string name, long start, int startThread, bool async)
    {
        TraceBuffer? buffer = s_buffer;
        if (buffer is null || !s_enabled)
        {
            return;
        }

        long end = Stopwatch.GetTimestamp();
        int thread = Environment.CurrentManagedThreadId;
        int track;
        if (async || thread != startThread)
        {
            track = Interlocked.Increment(ref s_nextAsyncTrack);
        }
        else
        {
            if (!t_registered)
            {
                Thread current = Thread.CurrentThread;
                RegisterThread(current.Name ?? (current.IsThreadPoolThread ? $"thread pool {thread}" : $"thread {thread}"));
            }

            track = thread;
        }

        buffer.Add(new TraceEvent(name, track, start - s_origin, end - start));
    }

    private static void RegisterThread(string name)
    {
        t_registered = true;
        lock (s_namesLock)
        {
            s_threadNames[Environment.CurrentManagedThreadId] = name;
        }
    }
}
