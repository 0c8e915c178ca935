namespace AgentCore.Workspace;

/// <summary>The extension's <c>RooProtectedController</c>: configuration files the agent may not write, marked <c>🛡️</c> in listings.</summary>
internal sealed class RooProtectedController(string cwd)
{
    /// <summary>The reference's protected patterns, in its order.</summary>
    public static readonly string[] Patterns =
        [".rooignore", ".roomodes", ".roorules*", ".clinerules*", ".roo/**", ".vscode/**", "*.code-workspace", ".rooprotected", "AGENTS.md", "AGENT.md"];

    private static readonly NpmIgnore s_ignore = new(IgnoreRules.FromLines(Patterns));

    /// <summary>True when <paramref name="filePath"/> (absolute or relative to the root) is write-protected.</summary>
    public bool IsWriteProtected(string filePath)
    {
        string abs = filePath.StartsWith('/') && !filePath.Contains("/.", StringComparison.Ordinal) && !filePath.Contains("//", StringComparison.Ordinal) ? filePath : JsPath.Resolve(cwd, filePath);
        string rel = JsPath.Relative(cwd, abs);
        if (rel.StartsWith("..", StringComparison.Ordinal) || !NpmIgnore.IsValid(rel))
        {
            return false;
        }

        return s_ignore.Ignores(rel);
    }

    /// <summary>
    /// <see cref="IsWriteProtected"/> for a path already relative to the root: normalized, no <c>.</c> or <c>..</c>
    /// segment, no trailing <c>/</c> (what <see cref="JsPath.Relative"/> gives for such a path). No allocation.
    /// </summary>
    public static bool IsWriteProtectedRelative(ReadOnlySpan<char> rel) =>
        !rel.StartsWith("..", StringComparison.Ordinal) && NpmIgnore.IsValid(rel) && s_ignore.Ignores(rel, isDirectory: false);
}
