namespace AgentCore.Workspace;

/// <summary>
/// One line of a gitignore file, parsed as git does: <c>!</c> negates, a trailing <c>/</c> restricts it to
/// directories, a pattern with a <c>/</c> (other than a trailing one) is matched against the path relative to the
/// file's directory, one without against the last path segment.
/// </summary>
internal sealed class IgnoreRule
{
    private readonly RuleShape _shape;
    private readonly string _literal;

    private IgnoreRule(string glob, bool negated, bool directoryOnly, bool baseName)
    {
        Glob = glob;
        Negated = negated;
        DirectoryOnly = directoryOnly;
        BaseName = baseName;
        (_shape, _literal) = Classify(glob);
    }

    private enum RuleShape : byte
    {
        General,
        Literal,    // no glob characters: an ordinal comparison
        AnySuffix,  // "*" + literal: EndsWith (basename rules only, where '*' cannot meet a '/')
        Everything, // "*" (basename) or "**" / "**/*"
    }

    /// <summary>The glob, without <c>!</c>, leading <c>/</c> and trailing <c>/</c>.</summary>
    public string Glob { get; }

    /// <summary>True for <c>!pattern</c>.</summary>
    public bool Negated { get; }

    /// <summary>True for <c>pattern/</c>.</summary>
    public bool DirectoryOnly { get; }

    /// <summary>True when the rule is matched against the last segment only (no <c>/</c> in the pattern).</summary>
    public bool BaseName { get; }

    /// <summary>
    /// A run of characters every path this rule matches contains (the longest literal run of the glob before any
    /// <c>[</c> or <c>\</c>, split at <c>*</c>, <c>?</c> and <c>/</c>), or <c>""</c> when the glob has none.
    /// </summary>
    /// <remarks>
    /// Outside classes and escapes wildmatch compares characters one for one (no case folding here), and <c>/</c> is
    /// left out because <c>**/</c> can match without one; so a text without this run cannot match.
    /// </remarks>
    public string RequiredLiteral
    {
        get
        {
            ReadOnlySpan<char> g = Glob;
            int stop = g.IndexOfAny('[', '\\');
            if (stop >= 0)
            {
                g = g[..stop];
            }

            ReadOnlySpan<char> best = default;
            foreach (Range r in g.SplitAny("*?/"))
            {
                if (g[r].Length > best.Length)
                {
                    best = g[r];
                }
            }

            return best.ToString();
        }
    }

    /// <summary>Parses one line; null for blank lines and comments.</summary>
    public static IgnoreRule? Parse(ReadOnlySpan<char> line)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        // Trailing spaces are dropped unless the last one is escaped.
        int end = line.Length;
        while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t'))
        {
            if (end >= 2 && line[end - 2] == '\\')
            {
                break;
            }

            end--;
        }

        line = line[..end];
        if (line.IsEmpty || line[0] == '#')
        {
            return null;
        }

        bool negated = false;
        if (line[0] == '!')
        {
            negated = true;
            line = line[1..];
        }
        else if (line.Length >= 2 && line[0] == '\\' && (line[1] == '!' || line[1] == '#'))
        {
            line = line[1..];
        }

        bool dirOnly = false;
        if (line.Length > 0 && line[^1] == '/')
        {
            dirOnly = true;
            line = line[..^1];
        }

        bool anchored = line.Length > 0 && line[0] == '/';
        if (anchored)
        {
            line = line[1..];
        }

        if (line.IsEmpty)
        {
            return null;
        }

        bool baseName = !anchored && !line.Contains('/');
        return new IgnoreRule(line.ToString(), negated, dirOnly, baseName);
    }

    /// <summary>True when the rule matches <paramref name="relativePath"/> (relative to the rule's directory).</summary>
    public bool IsMatch(ReadOnlySpan<char> relativePath, bool isDirectory)
    {
        if (DirectoryOnly && !isDirectory)
        {
            return false;
        }

        ReadOnlySpan<char> target = relativePath;
        if (BaseName)
        {
            int slash = relativePath.LastIndexOf('/');
            target = relativePath[(slash + 1)..];
        }

        return _shape switch
        {
            RuleShape.Literal => target.SequenceEqual(_literal),
            RuleShape.AnySuffix => BaseName ? target.EndsWith(_literal, StringComparison.Ordinal) : Wildmatch.IsMatch(Glob, target),
            RuleShape.Everything => !target.IsEmpty,
            _ => Wildmatch.IsMatch(Glob, target),
        };
    }

    private static (RuleShape, string) Classify(string glob)
    {
        if (glob is "*" or "**" or "**/*")
        {
            return (RuleShape.Everything, "");
        }

        if (glob.AsSpan().IndexOfAny("*?[\\") < 0)
        {
            return (RuleShape.Literal, glob);
        }

        if (glob.Length > 1 && glob[0] == '*' && glob.AsSpan(1).IndexOfAny("*?[\\") < 0)
        {
            return (RuleShape.AnySuffix, glob[1..]);
        }

        return (RuleShape.General, "");
    }
}
