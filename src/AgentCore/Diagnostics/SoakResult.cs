namespace AgentCore.Diagnostics;

/// <summary>The outcome of a soak run.</summary>
public sealed record SoakResult
{
    /// <summary>True when no operation failed or was lost and memory stayed within <see cref="RssBoundBytes"/>.</summary>
    public required bool Passed { get; init; }

    /// <summary>Wall time, seconds.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>Operations started.</summary>
    public required long Started { get; init; }

    /// <summary>Operations completed with the expected result.</summary>
    public required long Completed { get; init; }

    /// <summary>Operations that threw or gave a result other than the expected one.</summary>
    public required long Failed { get; init; }

    /// <summary>Operations started but neither completed nor failed (must be 0).</summary>
    public required long Lost { get; init; }

    /// <summary>Completed operations per kind (<c>soak.stream</c>, <c>soak.tokens</c>, ...).</summary>
    public required IReadOnlyDictionary<string, long> CompletedByKind { get; init; }

    /// <summary>Highest RSS during the warm-up, the baseline.</summary>
    public required long WarmupPeakRssBytes { get; init; }

    /// <summary>The bound: RSS after the warm-up must stay at or below <c>1.25 x warm-up peak + 16 MiB</c>.</summary>
    public required long RssBoundBytes { get; init; }

    /// <summary>Highest RSS after the warm-up.</summary>
    public required long PeakRssAfterWarmupBytes { get; init; }

    /// <summary>First sample that broke the bound, seconds since start, or null.</summary>
    public double? BoundExceededAtSeconds { get; init; }

    /// <summary>The first failure's message, if any.</summary>
    public string? FirstFailure { get; init; }

    /// <summary>The samples taken.</summary>
    public required IReadOnlyList<SoakSample> Samples { get; init; }
}
