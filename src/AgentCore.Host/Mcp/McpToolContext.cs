using AgentCore.Symbols;
using AgentCore.Workspace;

namespace AgentCore.Host.Mcp;

/// <summary>What a tool call may use besides its arguments: the workspace roots it is confined to, and the session's
/// open symbol indexes.</summary>
internal sealed class McpToolContext(Func<CancellationToken, Task<IReadOnlyList<string>>> roots, SymbolIndexCache symbols)
{
    /// <summary>The symbol indexes kept open for the session (one per root or directory searched).</summary>
    public SymbolIndexCache Symbols { get; } = symbols;

    /// <summary>The workspace roots (absolute directories): from --root, else the client's roots, else the working directory.</summary>
    public Task<IReadOnlyList<string>> GetRootsAsync(CancellationToken ct) => roots(ct);

    /// <summary>
    /// The root <paramref name="path"/> belongs to, and the path resolved inside it: a relative path resolves against
    /// the first root; an absolute one must lie in one of the roots (else <c>outside_workspace</c>, from
    /// <see cref="WorkspacePaths.Resolve"/>, which also refuses symbolic links leading out).
    /// </summary>
    public async Task<(string Root, string Path)> ResolveAsync(string path, CancellationToken ct)
    {
        IReadOnlyList<string> all = await roots(ct).ConfigureAwait(false);
        if (all.Count == 0)
        {
            AgentCore.Operations.OperationException.Throw(AgentCore.Operations.ErrorCodes.OutsideWorkspace,
                $"{path}: the client offered no workspace roots", "path");
        }

        string first = WorkspacePaths.Root(all[0]);
        if (Path.IsPathRooted(path))
        {
            foreach (string r in all)
            {
                string root = WorkspacePaths.Root(r);
                if (WorkspacePaths.IsUnder(root, WorkspacePaths.Root(path)))
                {
                    return (root, WorkspacePaths.Resolve(root, path, allowOutside: false));
                }
            }
        }

        return (first, WorkspacePaths.Resolve(first, path, allowOutside: false));
    }
}
