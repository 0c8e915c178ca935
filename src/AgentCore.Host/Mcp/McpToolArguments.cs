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
