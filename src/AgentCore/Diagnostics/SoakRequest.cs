namespace AgentCore.Diagnostics;

/// <summary>What <see cref="SoakOperations.RunAsync"/> runs and where it writes its samples.</summary>
public sealed record SoakRequest
{
    /// <summary>How long to run (the operations in flight at the end are awaited, not abandoned).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Operations in flight at once.</summary>
    public int Concurrency { get; init; } = 100;

    /// <summary>Time between two samples of the process's figures.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Warm-up: samples in it set the memory baseline; null means a quarter of the duration, at most 5 minutes.</summary>
    public TimeSpan? Warmup { get; init; }

    /// <summary>CSV of the samples (written as they are taken), or null.</summary>
    public string? CsvPath { get; init; }

    /// <summary>SVG plot of RSS and managed heap over time (written at the end), or null.</summary>
    public string? SvgPath { get; init; }
}
