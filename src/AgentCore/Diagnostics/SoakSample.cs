namespace AgentCore.Diagnostics;

/// <summary>One sample of a soak run.</summary>
/// <param name="ElapsedSeconds">Seconds since the run started.</param>
/// <param name="Operations">Operations completed so far.</param>
/// <param name="Failures">Operations failed so far (an exception, or a result that differs from the expected one).</param>
/// <param name="RssBytes">Resident set size.</param>
/// <param name="GcHeapBytes">Managed heap in use.</param>
/// <param name="Handles">Open file descriptors.</param>
/// <param name="Threads">Threads of the process.</param>
public readonly record struct SoakSample(double ElapsedSeconds, long Operations, long Failures, long RssBytes, long GcHeapBytes, int Handles, int Threads);
