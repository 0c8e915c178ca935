using System.Text.Json;

namespace AgentCore.Diagnostics;

/// <summary>What <see cref="StatsOperations.TraceAsync"/> did.</summary>
/// <param name="Recording">True when the profiler records now (after a start).</param>
/// <param name="Events">When stopping: the events written.</param>
/// <param name="Dropped">When stopping: events not kept because the capacity was reached.</param>
/// <param name="Path">When stopping with a path: the file written.</param>
/// <param name="Trace">When stopping without a path: the Chrome trace-event JSON itself (<c>{"traceEvents":[..],..}</c>).</param>
public sealed record TraceResult(bool Recording, int Events = 0, long Dropped = 0, string? Path = null, JsonElement? Trace = null);
