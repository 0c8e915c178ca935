namespace AgentCore.Host.Mcp;

/// <summary>Arguments of <c>count_tokens</c>.</summary>
/// <param name="Text">The text to count.</param>
/// <param name="Encoding"><c>o200k_base</c> (default) or <c>cl100k_base</c>.</param>
public sealed record CountTokensArguments(string Text, string? Encoding = null);

/// <summary>Arguments of <c>list_files</c> (the extension's tool: path, recursive).</summary>
/// <param name="Path">The directory, relative to the workspace root or absolute inside it.</param>
/// <param name="Recursive">List the whole tree.</param>
/// <param name="Limit">At most this many entries (default 200, as the extension).</param>
public sealed record ListFilesArguments(string Path, bool Recursive = false, int Limit = 200);

/// <summary>Arguments of <c>list_code_definition_names</c> (the extension's tool: path).</summary>
/// <param name="Path">A file or directory, relative to the workspace root or absolute inside it.</param>
public sealed record DefinitionsArguments(string Path);

/// <summary>Arguments of <c>search_files</c> (the extension's tool: path, regex, file_pattern).</summary>
/// <param name="Path">The directory to search, relative to the workspace root.</param>
/// <param name="Regex">The pattern, in ripgrep's (Rust) regex syntax.</param>
/// <param name="FilePattern">A glob such as <c>*.ts</c>.</param>
public sealed record SearchFilesArguments(
    string Path,
    string Regex,
    [property: System.Text.Json.Serialization.JsonPropertyName("file_pattern")] string? FilePattern = null);

/// <summary>Arguments of <c>read_file</c> (path, and an optional 1-based inclusive line range).</summary>
/// <param name="Path">The file, relative to the workspace root.</param>
/// <param name="StartLine">First line (1-based), or null for the start.</param>
/// <param name="EndLine">Last line (inclusive), or null for the end.</param>
public sealed record ReadFileArguments(
    string Path,
    [property: System.Text.Json.Serialization.JsonPropertyName("start_line")] int? StartLine = null,
    [property: System.Text.Json.Serialization.JsonPropertyName("end_line")] int? EndLine = null);

/// <summary>Arguments of <c>find_symbol</c>.</summary>
/// <param name="Query">The name or part of it.</param>
/// <param name="Limit">At most this many matches (default 50).</param>
/// <param name="Path">The directory whose index is searched, relative to the workspace root; null for the first root.</param>
public sealed record FindSymbolArguments(string Query, int Limit = 50, string? Path = null);
