namespace AgentCore.Workspace;

/// <summary>How <see cref="ParallelWalker"/> walks: ripgrep's flags as the extension passes them.</summary>
internal sealed class WalkOptions
{
    /// <summary>ripgrep <c>--hidden</c>: dot-files and dot-directories are walked.</summary>
    public bool IncludeHidden { get; init; }

    /// <summary>ripgrep <c>--follow</c>: symbolic links are followed (loops are detected and skipped).</summary>
    public bool FollowLinks { get; init; }

    /// <summary>False for ripgrep <c>--no-ignore</c>: no ignore file is read.</summary>
    public bool UseIgnoreFiles { get; init; } = true;

    /// <summary>ripgrep <c>-g</c> globs, matched relative to the walk root.</summary>
    public GlobOverrides? Overrides { get; init; }

    /// <summary>ripgrep <c>--maxdepth</c>: 1 lists the root's entries only.</summary>
    public int MaxDepth { get; init; } = int.MaxValue;

    /// <summary>Worker threads (default: one per core).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
