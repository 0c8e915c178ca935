using System.Collections.Concurrent;
using AgentCore.Caching;

namespace AgentCore.Workspace;

/// <summary>Workspace-wide structures built from one walk (the recursive list_files rules).</summary>
internal static class WorkspaceIndex
{
    /// <summary>
    /// Walks <paramref name="root"/> with the recursive <c>list_files</c> rules and returns a Bloom filter over the
    /// absolute paths, sized from the walk's file count for <paramref name="falsePositiveRate"/>.
    /// </summary>
    public static PathBloomFilter BuildPathFilter(string root, double falsePositiveRate, CancellationToken ct)
    {
        string abs = WorkspacePaths.Root(root);
        var paths = new ConcurrentBag<string>();
        ParallelWalker.Walk(abs, FileLister.RipgrepOptions(abs, recursive: true), (p, _) => paths.Add(p), ct);
        var filter = new PathBloomFilter(paths.Count, falsePositiveRate);
        foreach (string p in paths)
        {
            filter.Add(p);
        }

        return filter;
    }
}
