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
        string rel = JsPath.Relative(cwd, JsPath.Resolve(cwd, filePath));
        if (rel.StartsWith("..", StringComparison.Ordinal) || !NpmIgnore.IsValid(rel))
        {
            return false;
        }

        return s_ignore.Ignores(rel);
    }
}
