namespace AgentCore.Diagnostics;

/// <summary>What <see cref="Profiler.StopAndWrite"/> wrote.</summary>
/// <param name="Events">Complete ("X") events written.</param>
/// <param name="Dropped">Events not kept because the buffer was full (also written into the trace's metadata).</param>
public readonly record struct TraceWriteResult(int Events, long Dropped);
