namespace AgentCore.Workspace;

/// <summary>The extension's <c>read_file</c> for one file: the classic XML form (default) or the 2026 slice form.</summary>
public sealed record ReadFileRequest
{
    /// <summary>The file, relative to <see cref="WorkspaceRoot"/> or absolute.</summary>
    public required string Path { get; init; }

    /// <summary>Classic form: first line of the range (1-based); null for the whole file.</summary>
    public int? StartLine { get; init; }

    /// <summary>Classic form: last line of the range (1-based, inclusive); null for the end of the file.</summary>
    public int? EndLine { get; init; }

    /// <summary>2026 form: <c>slice</c> selects it (<c>indentation</c> is not built); null for the classic form.</summary>
    public string? Mode { get; init; }

    /// <summary>2026 form: first line, 1-based (default 1).</summary>
    public int Offset { get; init; } = 1;

    /// <summary>2026 form: at most this many lines (default 2,000).</summary>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>The 2026 form's <c>DEFAULT_LINE_LIMIT</c>.</summary>
    public const int DefaultLimit = ReadFileFormatter.DefaultLineLimit;

    /// <summary>The workspace root (the shown path is relative to it; <c>.rooignore</c> is read from it); default: the current directory.</summary>
    public string? WorkspaceRoot { get; init; }

    /// <summary>Allow a <see cref="Path"/> outside the workspace root.</summary>
    public bool AllowOutsideWorkspace { get; init; }
}
