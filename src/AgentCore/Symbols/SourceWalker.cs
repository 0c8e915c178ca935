namespace AgentCore.Symbols;

/// <summary>
/// The files the symbol index reads: a bounded recursive walk that skips the reference's ignored directories
/// (node_modules, __pycache__, env, venv, dist, out, bundle, vendor, tmp, temp, deps, pkg, Pods, target, build) and
/// hidden ones, does not follow directory symlinks, and keeps files whose extension has a grammar in this build.
/// </summary>
/// <remarks>To be replaced by the workspace walker (.gitignore semantics) when it lands on main.</remarks>
internal static class SourceWalker
{
    /// <summary>At most this many files are indexed.</summary>
    public const int MaxFiles = 500_000;

    private static readonly HashSet<string> s_ignored =
    [
        "node_modules", "__pycache__", "env", "venv", "dist", "out", "bundle", "vendor", "tmp", "temp", "deps", "pkg",
        "Pods", "target", "build",
    ];

    /// <summary>Absolute paths of indexable files under <paramref name="root"/>, in ordinal order.</summary>
    public static List<string> Walk(string root, CancellationToken ct)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        var options = new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = false, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        while (pending.Count > 0 && files.Count < MaxFiles)
        {
            ct.ThrowIfCancellationRequested();
            string dir = pending.Pop();
            foreach (string entry in Directory.EnumerateFileSystemEntries(dir, "*", options))
            {
                string name = Path.GetFileName(entry);
                var info = new FileInfo(entry);
                if ((info.Attributes & FileAttributes.Directory) != 0)
                {
                    if (info.LinkTarget is null && name[0] != '.' && !s_ignored.Contains(name))
                    {
                        pending.Push(entry);
                    }
                }
                else if (IsIndexable(entry) && files.Count < MaxFiles)
                {
                    files.Add(entry);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>True when the file's extension maps to a tree-sitter grammar compiled into this build.</summary>
    public static bool IsIndexable(string path)
    {
        DefinitionLanguage? language = DefinitionLanguages.ForPath(path);
        return language is { Kind: DefinitionLanguageKind.TreeSitter } && TreeSitterQuery.HasGrammar(language.Grammar!);
    }
}
