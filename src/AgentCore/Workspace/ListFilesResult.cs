namespace AgentCore.Workspace;

/// <summary>The result of <see cref="WorkspaceOperations.ListFilesAsync"/>.</summary>
/// <param name="Paths">The entries <c>listFiles</c> returns: absolute, directories ending with <c>/</c>, in its order.</param>
/// <param name="DidHitLimit">True when the limit was reached (also when exactly <c>limit</c> entries exist, as in the reference).</param>
/// <param name="Output">The tool's text, as <c>formatFilesList</c> renders it.</param>
/// <param name="Skipped">Paths the walk could not read (permission denied, link loops), with the reason.</param>
public sealed record ListFilesResult(IReadOnlyList<string> Paths, bool DidHitLimit, string Output, IReadOnlyList<WalkSkip> Skipped);
