using AgentCore.Workspace;

namespace AgentCore.Symbols;

/// <summary>
/// The files the symbol index reads: the workspace walker with the reference's recursive ripgrep rules
/// (<see cref="FileLister.RipgrepOptions"/>: ignored directories, hidden directories, .gitignore inside a repository),
/// keeping files whose extension has a grammar in this build, at most <see cref="MaxFiles"/>.
/// </summary>
internal static class SourceWalker
{
    /// <summary>At most this many files are indexed.</summary>
    public const int MaxFiles = 500_000;

    /// <summary>Absolute paths of indexable files under <paramref name="root"/>, in ordinal order.</summary>
    public static List<string> Walk(string root, CancellationToken ct)
    {
        WalkOptions options = FileLister.RipgrepOptions(root, recursive: true);
        var perWorker = new List<string>[Math.Max(1, options.Parallelism)];
        for (int k = 0; k < perWorker.Length; k++)
        {
            perWorker[k] = [];
        }

        ParallelWalker.Walk(root, options, (path, worker) =>
        {
            if (IsIndexable(path))
            {
                perWorker[worker].Add(path);
            }
        }, ct);

        var files = new List<string>();
        foreach (List<string> list in perWorker)
        {
            files.AddRange(list);
        }

        files.Sort(StringComparer.Ordinal);
        if (files.Count > MaxFiles)
        {
            files.RemoveRange(MaxFiles, files.Count - MaxFiles);
        }

        return files;
    }

    /// <summary>True when the file's extension maps to a tree-sitter grammar compiled into this build.</summary>
    public static bool IsIndexable(string path)
    {
        DefinitionLanguage? language = DefinitionLanguages.ForPath(path);
        return language is { Kind: DefinitionLanguageKind.TreeSitter } && TreeSitterQuery.HasGrammar(language.Grammar!);
    }
}
