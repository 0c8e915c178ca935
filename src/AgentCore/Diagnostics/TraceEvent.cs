namespace AgentCore.Diagnostics;

/// <summary>One recorded profiling scope: a Chrome trace-event "X" (complete) event.</summary>
/// <param name="Name">The scope's name (a string literal at every call site, so recording allocates nothing).</param>
/// <param name="Track">The thread id, or an async track id (at or above <see cref="Profiler.AsyncTrackBase"/>).</param>
/// <param name="Start">Start, in <see cref="System.Diagnostics.Stopwatch"/> ticks since the profiler started.</param>
/// <param name="Duration">Duration in <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
internal readonly record struct TraceEvent(string Name, int Track, long Start, long Duration);
