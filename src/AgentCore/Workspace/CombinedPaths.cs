using AgentCore.Diagnostics;

namespace AgentCore.Workspace;

/// <summary>
/// A listing that was not truncated: <c>listFiles</c>'s directories and files, whose order (directories first, then
/// <c>localeCompare</c>, the reference's combine sort) is computed the first time it is read. The text of the tool
/// (<see cref="FilesListFormatter"/>) sorts by its own comparator and needs this order only to break ties, so the CLI,
/// which prints only the text, never pays for the sort; the RPC and MCP results, which carry the paths, do.
/// </summary>
/// <remarks>
/// Holds no duplicates: every path the walk and the directory scan produce is built once from a unique parent path
/// and a directory entry name, and only directories end with <c>/</c>. Thread-safe: concurrent first reads may sort
/// twice, and one result is kept (both are equal).
/// </remarks>
internal sealed class CombinedPaths : IReadOnlyList<string>
{
    private readonly List<string> _dirs;
    private readonly List<string> _files;
    private readonly string[] _unordered;
    private List<string>? _sorted;

    /// <summary>Takes the scan's directories and the walk's files, in the order they were found.</summary>
    public CombinedPaths(List<string> dirs, List<string> files)
    {
        _dirs = dirs;
        _files = files;
        _unordered = new string[dirs.Count + files.Count];
        dirs.CopyTo(_unordered);
        files.CopyTo(_unordered, dirs.Count);
    }

    /// <summary>The paths in the order they were found (directories, then files), without sorting.</summary>
    public IReadOnlyList<string> Unordered => _unordered;

    /// <inheritdoc/>
    public int Count => _unordered.Length;

    /// <inheritdoc/>
    public string this[int index] => Sorted()[index];

    /// <summary>The paths in the reference's order; sorted on the first call.</summary>
    public List<string> Sorted()
    {
        List<string>? sorted = Volatile.Read(ref _sorted);
        if (sorted is null)
        {
            using (Profiler.Scope("files.combine.sort"))
            {
                sorted = FileLister.SortCombined(_dirs, _files);
            }

            sorted = Interlocked.CompareExchange(ref _sorted, sorted, null) ?? sorted;
        }

        return sorted;
    }

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => Sorted().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
