using AgentCore.Operations;

namespace AgentCore.Workspace;

/// <summary>
/// Resolves the paths callers give against the workspace root. A path that leaves the root (through <c>..</c>, as
/// an absolute path, or through a symbolic link) is refused with <see cref="ErrorCodes.OutsideWorkspace"/> unless the
/// caller allows outside access, as the extension asks the user before touching files outside the workspace.
/// </summary>
public static class WorkspacePaths
{
    /// <summary>The workspace root: <paramref name="root"/> made absolute, or the current directory.</summary>
    public static string Root(string? root) =>
        JsPath.Normalize(Path.GetFullPath(string.IsNullOrEmpty(root) ? Directory.GetCurrentDirectory() : root));

    /// <summary>The absolute, normalized form of <paramref name="path"/>; throws when it leaves the root and that is not allowed.</summary>
    public static string Resolve(string root, string path, bool allowOutside, string field = "path")
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            OperationException.ThrowInvalidArgument(field, $"{field}: contains a NUL character");
        }

        string abs = JsPath.Resolve(root, path);
        if (allowOutside)
        {
            return abs;
        }

        if (!IsUnder(root, abs))
        {
            OperationException.Throw(ErrorCodes.OutsideWorkspace, $"{path}: is outside the workspace {root}", path);
        }

        // The lexical path is inside; a symbolic link on the way must not lead out of it.
        string? real = RealPath.TryResolve(abs);
        if (real is not null)
        {
            string realRoot = RealPath.TryResolve(root) ?? root;
            if (!IsUnder(realRoot, real))
            {
                OperationException.Throw(ErrorCodes.OutsideWorkspace, $"{path}: resolves through a symbolic link to {real}, outside the workspace {root}", path);
            }
        }

        return abs;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or below it.</summary>
    public static bool IsUnder(string root, string path) =>
        path == root || root == "/" || (path.Length > root.Length && path[root.Length] == '/' && path.StartsWith(root, StringComparison.Ordinal));
}
