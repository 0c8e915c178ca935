namespace AgentCore.Diagnostics;

/// <summary>What <see cref="BenchOperations.RunAsync"/> measures.</summary>
public sealed record BenchRequest
{
    /// <summary>Smaller inputs and shorter timing windows: the whole run takes well under 30 s.</summary>
    public bool Quick { get; init; }

    /// <summary>A directory whose text files are token-counted as a real-world input (the repository), or null to skip.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The executable whose cold start is timed (<c>EXE --version</c>), or null to skip.</summary>
    public string? ExecutablePath { get; init; }
}
