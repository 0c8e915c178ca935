namespace AgentCore.Diagnostics;

/// <summary>The metrics of one operation name, as a <see cref="MetricsCollector"/> aggregated them.</summary>
/// <param name="Operation">The operation's name, e.g. <c>tokens.count</c>.</param>
/// <param name="Count">Operations completed.</param>
/// <param name="Failures">Operations that failed.</param>
/// <param name="Bytes">Bytes processed.</param>
/// <param name="TotalMs">Sum of durations, ms.</param>
/// <param name="MaxMs">Longest duration, ms.</param>
/// <param name="P50Ms">Median duration, ms (from a log-scale histogram: within 10 %).</param>
/// <param name="P99Ms">99th percentile duration, ms (within 10 %).</param>
public sealed record OperationStats(string Operation, long Count, long Failures, long Bytes, double TotalMs, double MaxMs, double P50Ms, double P99Ms);
