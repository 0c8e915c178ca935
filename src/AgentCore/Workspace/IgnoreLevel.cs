namespace AgentCore.Workspace;

/// <summary>
/// One directory's ignore files in ripgrep's hierarchy (the <c>ignore</c> crate's <c>Ignore</c>): <c>.rgignore</c>,
/// <c>.ignore</c>, <c>.gitignore</c> and <c>.git/info/exclude</c>, linked to the parent directory's level. A path is
/// judged by the deepest level with a matching rule of each kind; the kinds rank <c>.rgignore</c> over <c>.ignore</c>
/// over <c>.gitignore</c> over <c>exclude</c>. Git rules count only inside a repository (a <c>.git</c> here or above)
/// and only up to the repository's root.
/// </summary>
/// <remarks>Immutable once built; shared by the walker's threads.</remarks>
internal sealed class IgnoreLevel
{
    private IgnoreLevel(IgnoreLevel? parent, string dir, IgnoreRules? rg, IgnoreRules? ignore, IgnoreRules? git, IgnoreRules? exclude, bool hasGit)
    {
        Parent = parent;
        Directory = dir;
        RgIgnore = rg;
        Ignore = ignore;
        GitIgnore = git;
        GitExclude = exclude;
        HasGit = hasGit;
        AnyGit = hasGit || (parent?.AnyGit ?? false);
        AnyRules = rg is not null || ignore is not null || git is not null || exclude is not null || (parent?.AnyRules ?? false);
    }

    /// <summary>The parent directory's level (null above the file-system root).</summary>
    public IgnoreLevel? Parent { get; }

    /// <summary>The absolute directory (no trailing slash, except <c>/</c>).</summary>
    public string Directory { get; }

    public IgnoreRules? RgIgnore { get; }

    public IgnoreRules? Ignore { get; }

    public IgnoreRules? GitIgnore { get; }

    public IgnoreRules? GitExclude { get; }

    /// <summary>True when the directory holds <c>.git</c> (a repository root).</summary>
    public bool HasGit { get; }

    /// <summary>True when this directory or one above is a repository root (git rules apply).</summary>
    public bool AnyGit { get; }

    /// <summary>True when any level of the chain has a rule.</summary>
    public bool AnyRules { get; }

    /// <summary>
    /// The level for <paramref name="dir"/>, given which ignore files its listing showed. Returns
    /// <paramref name="parent"/> itself when the directory adds nothing (no file read, no allocation).
    /// </summary>
    public static IgnoreLevel? ForDirectory(IgnoreLevel? parent, string dir, bool hasRgIgnore, bool hasIgnore, bool hasGitIgnore, bool hasGit)
    {
        if (!hasRgIgnore && !hasIgnore && !hasGitIgnore && !hasGit)
        {
            return parent;
        }

        string prefix = dir == "/" ? "/" : dir + "/";
        IgnoreRules? rg = hasRgIgnore ? NonEmpty(IgnoreRules.TryLoad(prefix + ".rgignore")) : null;
        IgnoreRules? ig = hasIgnore ? NonEmpty(IgnoreRules.TryLoad(prefix + ".ignore")) : null;
        IgnoreRules? gi = hasGitIgnore ? NonEmpty(IgnoreRules.TryLoad(prefix + ".gitignore")) : null;
        IgnoreRules? ex = hasGit ? NonEmpty(IgnoreRules.TryLoad(prefix + ".git/info/exclude")) : null;
        return new IgnoreLevel(parent, dir, rg, ig, gi, ex, hasGit);
    }

    /// <summary>The chain for every ancestor of <paramref name="root"/> (not the root itself), probing the file system.</summary>
    public static IgnoreLevel? ForAncestors(string root)
    {
        var dirs = new List<string>();
        for (string d = JsPath.DirName(root); ; d = JsPath.DirName(d))
        {
            dirs.Add(d);
            if (d == "/")
            {
                break;
            }
        }

        IgnoreLevel? level = null;
        for (int k = dirs.Count - 1; k >= 0; k--)
        {
            level = Probe(level, dirs[k]);
        }

        return level;
    }

    /// <summary>The level of <paramref name="dir"/> found by probing for its ignore files.</summary>
    public static IgnoreLevel? Probe(IgnoreLevel? parent, string dir)
    {
        string prefix = dir == "/" ? "/" : dir + "/";
        return ForDirectory(parent, dir, File.Exists(prefix + ".rgignore"), File.Exists(prefix + ".ignore"),
            File.Exists(prefix + ".gitignore"), Path.Exists(prefix + ".git"));
    }

    /// <summary>ripgrep's verdict for <paramref name="absolutePath"/>, a descendant of this level's directory.</summary>
    public IgnoreMatch Match(string absolutePath, bool isDirectory)
    {
        if (!AnyRules)
        {
            return IgnoreMatch.None;
        }

        IgnoreMatch rg = IgnoreMatch.None, ig = IgnoreMatch.None, gi = IgnoreMatch.None, ex = IgnoreMatch.None;
        bool anyGit = AnyGit;
        bool sawGit = false;
        for (IgnoreLevel? l = this; l is not null; l = l.Parent)
        {
            int cut = l.Directory.Length == 1 ? 1 : l.Directory.Length + 1;
            ReadOnlySpan<char> rel = absolutePath.AsSpan(cut);
            if (rg == IgnoreMatch.None && l.RgIgnore is not null)
            {
                rg = l.RgIgnore.Match(rel, isDirectory);
            }

            if (ig == IgnoreMatch.None && l.Ignore is not null)
            {
                ig = l.Ignore.Match(rel, isDirectory);
            }

            if (anyGit && !sawGit)
            {
                if (gi == IgnoreMatch.None && l.GitIgnore is not null)
                {
                    gi = l.GitIgnore.Match(rel, isDirectory);
                }

                if (ex == IgnoreMatch.None && l.GitExclude is not null)
                {
                    ex = l.GitExclude.Match(rel, isDirectory);
                }
            }

            sawGit |= l.HasGit;
        }

        return rg != IgnoreMatch.None ? rg : ig != IgnoreMatch.None ? ig : gi != IgnoreMatch.None ? gi : ex;
    }

    private static IgnoreRules? NonEmpty(IgnoreRules? r) => r is null || r.IsEmpty ? null : r;
}
