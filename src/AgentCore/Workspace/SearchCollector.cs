namespace AgentCore.Workspace;

/// <summary>
/// Collects per-file search results from the worker threads in path order and keeps only what the reference can
/// show: it reads at most 1,500 of ripgrep's JSON lines (<c>begin</c> + messages + <c>end</c> per file), so a file
/// whose <c>end</c> falls past that line, and every file after it, is dropped. Files that sort after that point are
/// not searched at all (<see cref="IsNeeded"/>).
/// </summary>
/// <remarks>Thread-safe. Holds at most the files of 1,500 JSON lines.</remarks>
internal sealed class SearchCollector
{
    /// <summary>The reference's rg output line cap (<c>MAX_RESULTS * 5</c>).</summary>
    public const int MaxJsonLines = 1500;

    private readonly Lock _lock = new();
    private readonly SortedList<string, (List<SearchLine> Lines, int Messages)> _files = new(StringComparer.Ordinal);
    private string? _cutoff;

    /// <summary>False when a file at <paramref name="path"/> could no longer be shown (it sorts after a full prefix).</summary>
    public bool IsNeeded(string path)
    {
        string? cutoff = Volatile.Read(ref _cutoff);
        return cutoff is null || string.CompareOrdinal(path, cutoff) < 0;
    }

    /// <summary>Adds a file with matches.</summary>
    public void Add(string path, List<SearchLine> lines, int messages)
    {
        lock (_lock)
        {
            if (!IsNeeded(path))
            {
                return;
            }

            _files.Add(path, (lines, messages));
            int total = 0;
            for (int i = 0; i < _files.Count; i++)
            {
                total += 2 + _files.Values[i].Messages;
                if (total > MaxJsonLines)
                {
                    Volatile.Write(ref _cutoff, _files.Keys[i]);
                    while (_files.Count > i)
                    {
                        _files.RemoveAt(_files.Count - 1);
                    }

                    break;
                }
            }
        }
    }

    /// <summary>The kept files in path order.</summary>
    public IReadOnlyList<(string Path, List<SearchLine> Lines)> Files()
    {
        lock (_lock)
        {
            var result = new List<(string, List<SearchLine>)>(_files.Count);
            for (int i = 0; i < _files.Count; i++)
            {
                result.Add((_files.Keys[i], _files.Values[i].Lines));
            }

            return result;
        }
    }
}
