namespace AgentCore.Diagnostics;

/// <summary>Turns the profiler on or off (<see cref="StatsOperations.TraceAsync"/>).</summary>
/// <param name="Enabled">True: start recording (anything recorded before is discarded). False: stop, and write or return the trace.</param>
/// <param name="Path">When stopping: the file the Chrome trace JSON is written to; null returns it in <see cref="TraceResult.Trace"/>.</param>
/// <param name="Capacity">When starting: the most events kept (1 to <see cref="Profiler.DefaultCapacity"/>, the default); later ones are counted as dropped.</param>
public sealed record TraceRequest(bool Enabled, string? Path = null, int Capacity = Profiler.DefaultCapacity);
