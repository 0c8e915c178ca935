namespace AgentCore.Symbols;

/// <summary>
/// The files of the reference's non-recursive <c>listFiles(dir, false, 200)</c> that the directory mode of the
/// definitions listing reads: the directory's own files (hidden ones too, gitignored ones too: its <c>-g *</c> override
/// wins), minus names in its ignored-directory list (whose globs hide files of that name as well), in
/// <c>localeCompare</c> order, at most 200.
/// </summary>
/// <remarks>To be replaced by the workspace's list-files operation when it lands; the order here approximates ICU's
/// root collation (punctuation, then digits, then letters case-insensitively, lowercase first on ties), which is
/// what <c>localeCompare</c> gives for ordinary file names.</remarks>
internal static class DirectoryFiles
{
    private static readonly HashSet<string> s_ignoredNames =
    [
        "node_modules", "__pycache__", "env", "venv", "dist", "out", "bundle", "vendor", "tmp", "temp", "deps", "pkg",
        "Pods", ".git",
    ];

    /// <summary>Absolute paths of the files, sorted, at most <paramref name="limit"/>.</summary>
    public static List<string> List(string directory, int limit)
    {
        var files = new List<string>();
        foreach (string path in Directory.EnumerateFileSystemEntries(directory))
        {
            string name = Path.GetFileName(path);
            if (!s_ignoredNames.Contains(name) && TreeSitterNative.FileKind(path) == 1)
            {
                files.Add(path);
            }
        }

        files.Sort(LocaleOrder.Instance);
        if (files.Count > limit)
        {
            files.RemoveRange(limit, files.Count - limit);
        }

        return files;
    }

    /// <summary>An approximation of ICU root collation for path strings.</summary>
    internal sealed class LocaleOrder : IComparer<string>
    {
        public static readonly LocaleOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            x ??= "";
            y ??= "";
            int n = Math.Min(x.Length, y.Length);
            for (int i = 0; i < n; i++)
            {
                char a = x[i], b = y[i];
                if (a == b)
                {
                    continue;
                }

                int ca = Class(a), cb = Class(b);
                if (ca != cb)
                {
                    return ca.CompareTo(cb);
                }

                char la = char.ToLowerInvariant(a), lb = char.ToLowerInvariant(b);
                if (la != lb)
                {
                    return la.CompareTo(lb);
                }
            }

            if (x.Length != y.Length)
            {
                return x.Length.CompareTo(y.Length);
            }

            // Tertiary difference only: lowercase sorts first.
            for (int i = 0; i < n; i++)
            {
                if (x[i] != y[i])
                {
                    return char.IsLower(x[i]) ? -1 : 1;
                }
            }

            return 0;
        }

        private static int Class(char c) => char.IsLetter(c) ? 2 : char.IsDigit(c) ? 1 : 0;
    }
}
