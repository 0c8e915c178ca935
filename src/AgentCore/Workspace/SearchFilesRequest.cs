namespace AgentCore.Workspace;

/// <summary>The extension's <c>search_files</c>: a regex over the files of a directory, with one line of context.</summary>
public sealed record SearchFilesRequest
{
    /// <summary>The directory (or file) to search, relative to <see cref="WorkspaceRoot"/> or absolute.</summary>
    public required string Path { get; init; }

    /// <summary>The pattern, in ripgrep's (Rust) regex syntax.</summary>
    public required string Regex { get; init; }

    /// <summary>The tool's <c>file_pattern</c>: a ripgrep <c>--glob</c> (e.g. <c>*.ts</c>), matched relative to <see cref="Path"/>.</summary>
    public string? FilePattern { get; init; }

    /// <summary>The workspace root (paths in the output are relative to it; <c>.rooignore</c> is read from it); default: the current directory.</summary>
    public string? WorkspaceRoot { get; init; }

    /// <summary>Allow a <see cref="Path"/> outside the workspace root.</summary>
    public bool AllowOutsideWorkspace { get; init; }
}
