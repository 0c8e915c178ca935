using System.Buffers;

namespace AgentCore.Workspace;

/// <summary>
/// The npm <c>ignore</c> package (7.x) as the extension uses it: one rule list relative to one base directory;
/// <see cref="Ignores(string)"/> is true when the path or any of its parent directories is ignored. A path ending in
/// <c>/</c> is a directory (so <c>private/</c> matches <c>private/</c> but not <c>private</c>).
/// </summary>
internal sealed class NpmIgnore
{
    // The literal runs of the ignoring (non-negated) rules: a path containing none of them cannot be ignored, which
    // one vectorized search decides for most paths. Null when some ignoring rule has no literal (e.g. "*").
    private readonly SearchValues<string>? _required;

    public NpmIgnore(IgnoreRules rules)
    {
        Rules = rules;
        var literals = new List<string>();
        foreach (IgnoreRule r in rules.Rules)
        {
            if (r.Negated)
            {
                continue;
            }

            string literal = r.RequiredLiteral;
            if (literal.Length == 0)
            {
                literals = null;
                break;
            }

            literals.Add(literal);
        }

        _required = literals is { Count: > 0 } ? SearchValues.Create([.. literals], StringComparison.Ordinal) : null;
        HasIgnoringRule = literals is null || literals.Count > 0;
    }

    /// <summary>The rules, in the order they were added.</summary>
    public IgnoreRules Rules { get; }

    // False when no rule ignores (no rules, or only negations): nothing is ever ignored.
    private bool HasIgnoringRule { get; }

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
        return Ignores(isDir ? path.AsSpan(0, path.Length - 1) : path, isDir);
    }

    /// <summary>
    /// <see cref="Ignores(string)"/> for a path already checked with <see cref="IsValid(ReadOnlySpan{char})"/>, given
    /// without its trailing <c>/</c>: <paramref name="isDirectory"/> says whether it had one.
    /// </summary>
    public bool Ignores(ReadOnlySpan<char> p, bool isDirectory)
    {
        if (!HasIgnoringRule || (_required is not null && p.IndexOfAny(_required) < 0))
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

        return Rules.Match(p, isDirectory) == IgnoreMatch.Ignore;
    }

    /// <summary>True when the package accepts <paramref name="path"/> (not empty, not <c>./</c>, <c>../</c> or absolute).</summary>
    public static bool IsValid(ReadOnlySpan<char> path) =>
        path.Length > 0 && path[0] != '/' && !path.SequenceEqual(".") && !path.SequenceEqual("..") &&
        !path.StartsWith("./", StringComparison.Ordinal) && !path.StartsWith("../", StringComparison.Ordinal) &&
        !(path.Length >= 2 && path[1] == ':');

    private static int IndexOfSlash(ReadOnlySpan<char> p, int from)
    {
        int i = p[from..].IndexOf('/');
        return i < 0 ? -1 : from + i;
    }
}
