namespace AgentCore.Symbols;

/// <summary>What opening an index did.</summary>
/// <param name="Files">Files in the index (parsed, reused and skipped).</param>
/// <param name="Symbols">Symbols in the index.</param>
/// <param name="Parsed">Files parsed this time (new or changed).</param>
/// <param name="Reused">Files whose symbols came from the snapshot (same length and modification time).</param>
/// <param name="Skipped">Files skipped, each with a reason (too large, unreadable, grammar failure).</param>
/// <param name="Seconds">Wall time of the open.</param>
/// <param name="RebuildReason">Why the snapshot was not used, or null when it was.</param>
/// <param name="SnapshotPath">Where the snapshot is.</param>
public sealed record IndexStatistics(int Files, int Symbols, int Parsed, int Reused, int Skipped, double Seconds, string? RebuildReason, string SnapshotPath);
