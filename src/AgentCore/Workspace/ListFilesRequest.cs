namespace AgentCore.Workspace;

/// <summary>The extension's <c>list_files</c>: list a directory of the workspace.</summary>
public sealed record ListFilesRequest
{
    /// <summary>The directory, relative to <see cref="WorkspaceRoot"/> or absolute.</summary>
    public required string Path { get; init; }

    /// <summary>List the whole tree (the tool's <c>recursive</c>); otherwise the directory's own entries.</summary>
    public bool Recursive { get; init; }

    /// <summary>At most this many entries (the tool passes 200). 0 lists nothing.</summary>
    public int Limit { get; init; } = 200;

    /// <summary>The workspace root (the task's cwd: <c>.rooignore</c> and protected files are relative to it); default: the process's current directory.</summary>
    public string? WorkspaceRoot { get; init; }

    /// <summary>Allow a <see cref="Path"/> outside the workspace root (the extension asks the user first).</summary>
    public bool AllowOutsideWorkspace { get; init; }

    /// <summary>Show <c>.rooignore</c>d entries with a 🔒 instead of leaving them out (the extension's <c>showRooIgnoredFiles</c>).</summary>
    public bool ShowRooIgnoredFiles { get; init; }
}
