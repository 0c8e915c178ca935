namespace AgentCore.Diagnostics;

/// <summary>What <see cref="StatsOperations.GetStatsAsync"/> reads.</summary>
/// <param name="Reset">Clear the per-operation figures after reading them (the next read covers what happens from now on).</param>
public sealed record StatsRequest(bool Reset = false);
