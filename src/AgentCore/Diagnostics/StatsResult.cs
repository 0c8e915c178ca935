namespace AgentCore.Diagnostics;

/// <summary>The metrics of a process: per operation since the collector started (or was last reset), memory now.</summary>
/// <param name="Operations">One row per operation name seen, by name (<see cref="MetricsCollector.Snapshot"/>).</param>
/// <param name="Memory">The process's memory figures now.</param>
/// <param name="SlowOperations">Operations over <see cref="SlowOperationWarnings.Threshold"/> since the process started.</param>
/// <param name="Profiling">True while profiling scopes are being recorded (<see cref="StatsOperations.TraceAsync"/>).</param>
public sealed record StatsResult(IReadOnlyList<OperationStats> Operations, MemoryStats Memory, long SlowOperations, bool Profiling);

/// <summary><see cref="MemoryFigures"/> as a result: counters since the process started, sizes now.</summary>
/// <param name="GcHeapBytes">Bytes in use on the managed heap.</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap since the process started.</param>
/// <param name="RssBytes">Resident set size now.</param>
/// <param name="PeakRssBytes">Peak resident set size.</param>
/// <param name="Gen0Collections">Generation 0 collections since the process started.</param>
/// <param name="Gen1Collections">Generation 1 collections since the process started.</param>
/// <param name="Gen2Collections">Generation 2 collections since the process started.</param>
/// <param name="Threads">Threads of the process.</param>
/// <param name="Handles">Open file descriptors, or -1 where unknown.</param>
/// <param name="CpuMs">User + system CPU time since the process started, ms.</param>
public sealed record MemoryStats(
    long GcHeapBytes, long AllocatedBytes, long RssBytes, long PeakRssBytes,
    int Gen0Collections, int Gen1Collections, int Gen2Collections, int Threads, int Handles, double CpuMs)
{
    /// <summary>The figures of <paramref name="f"/>.</summary>
    internal static MemoryStats From(MemoryFigures f) => new(
        f.GcHeapBytes, f.AllocatedBytes, f.RssBytes, f.PeakRssBytes, f.Gen0Collections, f.Gen1Collections, f.Gen2Collections,
        f.Threads, f.Handles, f.CpuTime.TotalMilliseconds);
}
