namespace AgentCore.Workspace;

/// <summary>The result of <see cref="WorkspaceOperations.SearchFilesAsync"/>.</summary>
/// <param name="Output">The tool's text (<c>Found N results.</c> ..., or <c>No results found</c> when the regex is rejected).</param>
/// <param name="Results">The number of result groups (the reference's count).</param>
/// <param name="RegexError">Why the regex was rejected, or null.</param>
/// <param name="Skipped">Files and directories that could not be searched, with the reason.</param>
public sealed record SearchFilesResult(string Output, int Results, string? RegexError, IReadOnlyList<WalkSkip> Skipped);
