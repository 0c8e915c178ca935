namespace AgentCore.Workspace;

/// <summary>The result of <see cref="WorkspaceOperations.ReadFileAsync"/>.</summary>
/// <param name="Output">The tool's text for the file.</param>
/// <param name="TotalLines">The file's line count as the form counts it (readline lines, or <c>split("\n")</c> elements), or -1 for a binary file.</param>
/// <param name="IsBinary">True when the file was detected as binary and not shown.</param>
public sealed record ReadFileResult(string Output, long TotalLines, bool IsBinary);
