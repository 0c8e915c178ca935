namespace AgentCore.Diagnostics;

/// <summary>The result of a bench run: the figures, and the machine and build they were measured on.</summary>
public sealed record BenchReport
{
    /// <summary>When the run ended (UTC, ISO 8601).</summary>
    public required string Date { get; init; }

    /// <summary>True for <c>--quick</c>.</summary>
    public required bool Quick { get; init; }

    /// <summary>The machine: OS, architecture, logical cores, runtime.</summary>
    public required string Machine { get; init; }

    /// <summary>Load average at the start (1 min), or -1 where unknown: the figures are only comparable on a quiet machine.</summary>
    public required double LoadAverage { get; init; }

    /// <summary>Wall time of the whole run, seconds.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>The figures, in the order measured.</summary>
    public required IReadOnlyList<BenchRow> Rows { get; init; }

    /// <summary>Measurements not made and why (e.g. a capability this build does not have).</summary>
    public required IReadOnlyList<string> Skipped { get; init; }
}
