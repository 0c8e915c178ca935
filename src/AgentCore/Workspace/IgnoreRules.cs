namespace AgentCore.Workspace;

/// <summary>
/// The rules of one gitignore-syntax file (or of one list of lines), matched with git's semantics: the last rule
/// that matches decides. Immutable and thread-safe.
/// </summary>
internal sealed class IgnoreRules
{
    /// <summary>A set with no rules.</summary>
    public static readonly IgnoreRules Empty = new([]);

    private readonly IgnoreRule[] _rules;

    private IgnoreRules(IgnoreRule[] rules) => _rules = rules;

    /// <summary>The parsed rules, in file order.</summary>
    public ReadOnlySpan<IgnoreRule> Rules => _rules;

    /// <summary>True when there is no rule.</summary>
    public bool IsEmpty => _rules.Length == 0;

    /// <summary>Parses gitignore text (<c>\n</c> or <c>\r\n</c> line ends).</summary>
    public static IgnoreRules Parse(ReadOnlySpan<char> text)
    {
        var rules = new List<IgnoreRule>();
        foreach (Range r in text.Split('\n'))
        {
            IgnoreRule? rule = IgnoreRule.Parse(text[r]);
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        return rules.Count == 0 ? Empty : new IgnoreRules([.. rules]);
    }

    /// <summary>Parses each of <paramref name="lines"/> as one gitignore line.</summary>
    public static IgnoreRules FromLines(IEnumerable<string> lines)
    {
        var rules = new List<IgnoreRule>();
        foreach (string line in lines)
        {
            IgnoreRule? rule = IgnoreRule.Parse(line);
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        return new IgnoreRules([.. rules]);
    }

    /// <summary>Concatenates rule sets (later sets win, as lines appended to one file).</summary>
    public static IgnoreRules Concat(IEnumerable<IgnoreRules> sets)
    {
        var rules = new List<IgnoreRule>();
        foreach (IgnoreRules s in sets)
        {
            rules.AddRange(s._rules);
        }

        return new IgnoreRules([.. rules]);
    }

    /// <summary>Reads and parses the gitignore file at <paramref name="path"/>; null when it does not exist or cannot be read.</summary>
    public static IgnoreRules? TryLoad(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxIgnoreFileBytes)
            {
                return null;
            }

            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Ignore files larger than this are not read (a bound on memory; real ones are kilobytes).</summary>
    public const long MaxIgnoreFileBytes = 16 * 1024 * 1024;

    /// <summary>The verdict for <paramref name="relativePath"/> (POSIX separators, relative to the rules' directory).</summary>
    public IgnoreMatch Match(ReadOnlySpan<char> relativePath, bool isDirectory)
    {
        IgnoreRule[] rules = _rules;
        for (int i = rules.Length - 1; i >= 0; i--)
        {
            if (rules[i].IsMatch(relativePath, isDirectory))
            {
                return rules[i].Negated ? IgnoreMatch.Whitelist : IgnoreMatch.Ignore;
            }
        }

        return IgnoreMatch.None;
    }
}
