namespace AgentCore.Diagnostics;

/// <summary>One measured figure of a bench run.</summary>
/// <param name="Name">What was measured, e.g. <c>tokens o200k_base (mixed corpus)</c>.</param>
/// <param name="Value">The figure.</param>
/// <param name="Unit">Its unit: <c>ms</c>, <c>MB/s</c> (10^6 bytes per second), <c>µs/event</c>, <c>MB</c>.</param>
/// <param name="Detail">How it was measured (input size, runs, statistic).</param>
public sealed record BenchRow(string Name, double Value, string Unit, string Detail);
