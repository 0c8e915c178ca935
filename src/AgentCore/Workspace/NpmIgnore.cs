namespace AgentCore.Workspace;

/// <summary>
/// The npm <c>ignore</c> package (7.x) as the extension uses it: one rule list relative to one base directory;
/// <see cref="Ignores"/> is true when the path or any of its parent directories is ignored. A path ending in
/// <c>/</c> is a directory (so <c>private/</c> matches <c>private/</c> but not <c>private</c>).
/// </summary>
internal sealed class NpmIgnore(IgnoreRules rules)
{
    /// <summary>The rules, in the order they were added.</summary>
    public IgnoreRules Rules { get; } = rules;

    /// <summary>
    /// True when <paramref name="path"/> (relative, POSIX) is ignored. Throws <see cref="ArgumentException"/> for the
    /// inputs the package rejects: <c>""</c>, <c>./x</c>, <c>../x</c> and absolute paths.
    /// </summary>
    public bool Ignores(string path)
    {
        if (!IsValid(path))
        {
            throw new ArgumentException($"path must be a relative path: '{path}'", nameof(path));
        }

        bool isDir = path.EndsWith('/');
        ReadOnlySpan<char> p = isDir ? path.AsSpan(0, path.Length - 1) : path;
        if (Rules.IsEmpty)
        {
            return false;
        }

        // Parents first: an ignored directory ignores everything below it.
        for (int i = p.IndexOf('/'); i >= 0; i = IndexOfSlash(p, i + 1))
        {
            if (Rules.Match(p[..i], isDirectory: true) == IgnoreMatch.Ignore)
            {
                return true;
            }
        }

        return Rules.Match(p, isDir) == IgnoreMatch.Ignore;
    }

    /// <summary>True when the package accepts <paramref name="path"/> (not empty, not <c>./</c>, <c>../</c> or absolute).</summary>
    public static bool IsValid(string path) =>
        path.Length > 0 && path[0] != '/' && path != "." && path != ".." &&
        !path.StartsWith("./", StringComparison.Ordinal) && !path.StartsWith("../", StringComparison.Ordinal) &&
        !(path.Length >= 2 && path[1] == ':');

    private static int IndexOfSlash(ReadOnlySpan<char> p, int from)
    {
        int i = p[from..].IndexOf('/');
        return i < 0 ? -1 : from + i;
    }
}
