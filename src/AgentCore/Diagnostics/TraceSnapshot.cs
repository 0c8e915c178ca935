namespace AgentCore.Diagnostics;

/// <summary>What <see cref="Profiler.Stop"/> returns: the events of one recording and what is needed to write them.</summary>
/// <param name="ProcessId">The process the events come from (the trace's <c>pid</c>).</param>
/// <param name="Events">Recorded events, in the order they ended.</param>
/// <param name="ThreadNames">Names of the thread tracks, by managed thread id.</param>
/// <param name="Dropped">Events dropped because the buffer was full.</param>
/// <param name="TicksPerSecond">The frequency of the events' timestamps.</param>
internal sealed record TraceSnapshot(int ProcessId, List<TraceEvent> Events, Dictionary<int, string> ThreadNames, long Dropped, long TicksPerSecond);
