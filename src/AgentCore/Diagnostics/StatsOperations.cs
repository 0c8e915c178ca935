using System.Text.Json;
using AgentCore.Operations;

namespace AgentCore.Diagnostics;

/// <summary>
/// The observability operations of a running process: its metrics and memory figures (<c>agentcore stats</c>,
/// <c>stats/get</c> of <c>serve</c>) and the profiler switch with its Chrome trace (<c>stats/trace</c>).
/// </summary>
/// <remarks>
/// The metrics come from the caller's <see cref="MetricsCollector"/> (a server starts one with its session, the
/// <c>stats</c> verb around the verb it runs). The profiler is process-wide: one recording at a time, shared by every
/// caller; start and stop are serialized. Thread-safe.
/// </remarks>
public static class StatsOperations
{
    private static readonly Lock s_traceLock = new();

    /// <summary>The per-operation metrics <paramref name="collector"/> aggregated, and the memory figures now.</summary>
    public static Task<StatsResult> GetStatsAsync(StatsRequest request, MetricsCollector collector, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(collector);
        ct.ThrowIfCancellationRequested();
        IReadOnlyList<OperationStats> operations = collector.Snapshot(request.Reset);
        return Task.FromResult(new StatsResult(operations, MemoryStats.From(MemoryFigures.Capture()), SlowOperationWarnings.Total, Profiler.IsEnabled));
    }

    /// <summary>
    /// Starts the profiler, or stops it and writes the Chrome trace-event JSON of what it recorded to
    /// <see cref="TraceRequest.Path"/> (created or replaced) or returns it in the result.
    /// </summary>
    /// <remarks>A file that cannot be created fails the call and leaves the recording on, so the caller can stop it
    /// again with another path. The caller decides where a path may point (a server confines it to its workspace).</remarks>
    public static Task<TraceResult> TraceAsync(TraceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Profiler.IsSupported)
        {
            OperationException.Throw(ErrorCodes.Unsupported, "profiling is compiled out of this build (AgentCore.Diagnostics.Profiler.IsSupported=false)", "enabled");
        }

        if (request.Enabled)
        {
            if (request.Path is not null)
            {
                OperationException.ThrowInvalidArgument("path", "path: is given when stopping (enabled: false), where the trace is written");
            }

            if (request.Capacity is < 1 or > Profiler.DefaultCapacity)
            {
                OperationException.ThrowInvalidArgument("capacity", $"capacity: must be a number of events from 1 to {Profiler.DefaultCapacity}");
            }

            ct.ThrowIfCancellationRequested();
            lock (s_traceLock)
            {
                Profiler.Start(request.Capacity);
            }

            return Task.FromResult(new TraceResult(Recording: true));
        }

        return Task.Run(() => Stop(request.Path, ct), ct);
    }

    private static TraceResult Stop(string? path, CancellationToken ct)
    {
        lock (s_traceLock)
        {
            if (!Profiler.IsEnabled)
            {
                OperationException.ThrowInvalidArgument("enabled", "enabled: the profiler is not recording (start it with enabled: true first)");
            }

            ct.ThrowIfCancellationRequested();
            if (path is null)
            {
                using var buffer = new MemoryStream();
                TraceWriteResult inline = Profiler.StopAndWrite(buffer);
                using JsonDocument trace = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
                return new TraceResult(false, inline.Events, inline.Dropped, Trace: trace.RootElement.Clone());
            }

            FileStream file;
            try
            {
                file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
            }
            catch (Exception e) when (FileErrors.IsFileError(e))
            {
                throw new OperationException(FileErrors.From(e, path));
            }

            try
            {
                using (file)
                {
                    TraceWriteResult written = Profiler.StopAndWrite(file);
                    file.Flush(flushToDisk: false);
                    return new TraceResult(false, written.Events, written.Dropped, path);
                }
            }
            catch (Exception e) when (FileErrors.IsFileError(e))
            {
                throw new OperationException(FileErrors.From(e, path));
            }
        }
    }
}
