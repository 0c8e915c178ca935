namespace AgentCore.Workspace;

/// <summary>
/// ripgrep's <c>-g/--glob</c> overrides: gitignore-syntax globs with the sense inverted (<c>-g X</c> includes,
/// <c>-g !X</c> excludes), matched against the path relative to the directory the search runs from; the last
/// matching glob wins, and when any include glob exists a file that matches none is excluded. Overrides outrank
/// ignore files and the hidden-file rule.
/// </summary>
/// <remarks>
/// Exclude globs of the shape <c>**/S/**</c> with no include glob after them are applied to directories (a pruned
/// directory could only have produced files that glob excludes), so the walker never enters them.
/// </remarks>
internal sealed class GlobOverrides
{
    private readonly IgnoreRule[] _rules;
    private readonly bool[] _prunes;
    private readonly string?[] _pruneSegments;
    private readonly int[] _pruneDepth;
    private readonly int _whitelists;

    /// <summary>Builds the overrides from ripgrep's <c>-g</c> values, in command-line order.</summary>
    public GlobOverrides(IEnumerable<string> globs)
    {
        var rules = new List<IgnoreRule>();
        foreach (string g in globs)
        {
            IgnoreRule? r = IgnoreRule.Parse(g);
            if (r is not null)
            {
                rules.Add(r);
            }
        }

        _rules = [.. rules];
        _prunes = new bool[_rules.Length];
        _pruneSegments = new string?[_rules.Length];
        _pruneDepth = new int[_rules.Length];
        int lastWhitelist = -1;
        for (int k = 0; k < _rules.Length; k++)
        {
            if (!_rules[k].Negated)
            {
                _whitelists++;
                lastWhitelist = k;
            }
        }

        for (int k = lastWhitelist + 1; k < _rules.Length; k++)
        {
            string glob = _rules[k].Glob;
            if (_rules[k].Negated && !_rules[k].DirectoryOnly && glob.Length > 6 && glob.StartsWith("**/", StringComparison.Ordinal) &&
                glob.EndsWith("/**", StringComparison.Ordinal) && !glob.AsSpan(3, glob.Length - 6).Contains("**", StringComparison.Ordinal))
            {
                string middle = glob[3..^3];
                _prunes[k] = true;
                _pruneSegments[k] = middle;
                _pruneDepth[k] = middle.AsSpan().Count('/') + 1;
            }
        }
    }

    /// <summary>True when there are no globs.</summary>
    public bool IsEmpty => _rules.Length == 0;

    /// <summary>The verdict for a file or directory at <paramref name="relativePath"/>.</summary>
    public IgnoreMatch Match(ReadOnlySpan<char> relativePath, bool isDirectory)
    {
        for (int k = _rules.Length - 1; k >= 0; k--)
        {
            if (_prunes[k] && !isDirectory)
            {
                continue; // would have pruned the file's directory
            }

            if (_rules[k].IsMatch(relativePath, isDirectory))
            {
                // An exclude glob is a negated gitignore line: inverted, it ignores.
                return _rules[k].Negated ? IgnoreMatch.Ignore : IgnoreMatch.Whitelist;
            }
        }

        return _whitelists > 0 && !isDirectory ? IgnoreMatch.Ignore : IgnoreMatch.None;
    }

    /// <summary>True when every file below the directory <paramref name="relativeDir"/> is excluded.</summary>
    public bool PrunesDirectory(ReadOnlySpan<char> relativeDir)
    {
        for (int k = 0; k < _rules.Length; k++)
        {
            if (!_prunes[k])
            {
                continue;
            }

            // The last _pruneDepth[k] segments of the directory must match S.
            int depth = _pruneDepth[k];
            int segments = relativeDir.Count('/') + 1;
            if (segments < depth)
            {
                continue;
            }

            int from = 0;
            int slashes = 0;
            for (int i = relativeDir.Length - 1; i >= 0 && segments > depth; i--)
            {
                if (relativeDir[i] == '/' && ++slashes == depth)
                {
                    from = i + 1;
                    break;
                }
            }

            if (Wildmatch.IsMatch(_pruneSegments[k]!, relativeDir[from..]))
            {
                return true;
            }
        }

        return false;
    }
}
