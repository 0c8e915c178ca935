using System.Diagnostics;
using System.Text;
using AgentCore.Diagnostics;
using AgentCore.IO;
using AgentCore.Operations;

namespace AgentCore.Symbols;

/// <summary>
/// An interned symbol index of one directory tree, persisted as a <see cref="SymbolSnapshot"/>: opening it maps the
/// snapshot, re-parses only files whose length or modification time changed (all cores), drops deleted files, and
/// writes the new snapshot atomically when anything changed. A snapshot that is corrupt, of another version or of
/// another root is ignored and rebuilt.
/// </summary>
/// <remarks>Lookups are thread-safe; the index is immutable once opened. Dispose unmaps the snapshot.</remarks>
public sealed class SymbolIndex : IDisposable
{
    /// <summary>Files larger than this are skipped (generated bundles, data).</summary>
    public const int MaxFileBytes = 4 << 20;

    private readonly SymbolSnapshot _snapshot;
    private readonly IDisposable? _mapping;

    private SymbolIndex(SymbolSnapshot snapshot, IDisposable? mapping, IndexStatistics statistics)
    {
        _snapshot = snapshot;
        _mapping = mapping;
        Statistics = statistics;
    }

    /// <summary>What the last open did.</summary>
    public IndexStatistics Statistics { get; }

    /// <summary>The indexed directory.</summary>
    public string Root => _snapshot.Root;

    /// <summary>The default snapshot location of a root: the user cache directory, named by a hash of the root path.</summary>
    public static string DefaultSnapshotPath(string root)
    {
        string cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x
            ? x
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        ulong hash = SymbolSnapshot.Checksum(Encoding.UTF8.GetBytes(root));
        return Path.Combine(cache, "agentcore", "index", $"{Path.GetFileName(root.TrimEnd('/'))}-{hash:x16}.idx");
    }

    /// <summary>Opens (and brings up to date) the index of <paramref name="root"/>.</summary>
    internal static SymbolIndex Open(string root, string snapshotPath, CancellationToken ct)
    {
        using ProfileScope scope = Profiler.Scope("symbols.index");
        var clock = Stopwatch.StartNew();
        MappedMemory? mapped = MappedMemory.Open(snapshotPath);
        SymbolSnapshot? old = mapped is null ? null : SymbolSnapshot.TryOpen(mapped.Memory);
        double loadSeconds = clock.Elapsed.TotalSeconds;
        string? rebuildReason = mapped is null ? "no snapshot" : old is null ? "snapshot corrupt or of another version" : null;
        if (old is not null && old.Root != root)
        {
            old = null;
            rebuildReason = "snapshot of another directory";
        }

        try
        {
            List<string> paths = SourceWalker.Walk(root, ct);
            var previous = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; old is not null && i < old.FileCount; i++)
            {
                previous[old.File(i).Path] = i;
            }

            var files = new IndexedFile?[paths.Count];
            var identities = new (string Relative, long Length, long Ticks)[paths.Count];
            var toParse = new List<int>();
            int reused = 0;
            using var atoms = new SymbolAtoms();
            for (int i = 0; i < paths.Count; i++)
            {
                var info = new FileInfo(paths[i]);
                string relative = Path.GetRelativePath(root, paths[i]).Replace('\\', '/');
                identities[i] = (relative, info.Exists ? info.Length : -1, info.Exists ? info.LastWriteTimeUtc.Ticks : 0);
                if (old is not null && previous.TryGetValue(relative, out int oi))
                {
                    var f = old.File(oi);
                    if (f.Length == identities[i].Length && f.MtimeTicks == identities[i].Ticks)
                    {
                        files[i] = new IndexedFile(relative, f.Length, f.MtimeTicks, [], f.Reason);
                        previous[relative] = oi;
                        reused++;
                        continue;
                    }
                }

                toParse.Add(i);
            }

            bool sameFileSet = old is not null && toParse.Count == 0 && old.FileCount == paths.Count;
            if (sameFileSet)
            {
                var unchanged = new IndexStatistics(paths.Count, old!.SymbolCount, 0, reused, CountSkipped(old), clock.Elapsed.TotalSeconds, null, snapshotPath, loadSeconds);
                return new SymbolIndex(old, mapped, unchanged);
            }

            // Reused files take their symbols from the old snapshot (atoms re-interned by name).
            if (old is not null)
            {
                var fileOfOld = new int[old.FileCount];
                Array.Fill(fileOfOld, -1);
                for (int i = 0; i < files.Length; i++)
                {
                    if (files[i] is not null)
                    {
                        fileOfOld[previous[files[i]!.RelativePath]] = i;
                    }
                }

                for (int a = 0; a < old.AtomCount; a++)
                {
                    (int first, int count) = old.AtomSymbols(a);
                    int atom = -1;
                    for (int s = first; s < first + count; s++)
                    {
                        var sym = old.Symbol(s);
                        int target = fileOfOld[sym.File];
                        if (target >= 0)
                        {
                            atom = atom >= 0 ? atom : atoms.Intern(old.AtomName(a));
                            files[target]!.Symbols.Add((atom, old.Kind(sym.Kind), sym.StartRow, sym.EndRow));
                        }
                    }
                }
            }

            var parsed = new (List<ExtractedSymbol>? Symbols, string? Reason)[toParse.Count];
            Parallel.For(0, toParse.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
            {
                parsed[k] = ParseOne(paths[toParse[k]]);
            });

            for (int k = 0; k < toParse.Count; k++)
            {
                int i = toParse[k];
                var symbols = new List<(int, string, int, int)>();
                foreach (ExtractedSymbol s in parsed[k].Symbols ?? [])
                {
                    symbols.Add((atoms.Intern(s.Name), s.Kind, s.StartRow, s.EndRow));
                }

                files[i] = new IndexedFile(identities[i].Relative, identities[i].Length, identities[i].Ticks, symbols, parsed[k].Reason);
            }

            IndexedFile[] all = files!;
            byte[] bytes = SymbolSnapshotWriter.Write(root, all, atoms);
            AtomicFile.Write(snapshotPath, bytes);
            ((IDisposable?)mapped)?.Dispose();
            mapped = null;
            SymbolSnapshot snapshot = SymbolSnapshot.TryOpen(bytes) ?? throw new InvalidOperationException("the snapshot just written does not read back");
            var statistics = new IndexStatistics(all.Length, snapshot.SymbolCount, toParse.Count, reused, all.Count(f => f.SkipReason is not null), clock.Elapsed.TotalSeconds, rebuildReason, snapshotPath, old is null ? 0 : loadSeconds);
            return new SymbolIndex(snapshot, null, statistics);
        }
        catch
        {
            ((IDisposable?)mapped)?.Dispose();
            throw;
        }
    }

    private static int CountSkipped(SymbolSnapshot s)
    {
        int n = 0;
        for (int i = 0; i < s.FileCount; i++)
        {
            n += s.File(i).Reason is null ? 0 : 1;
        }

        return n;
    }

    private static (List<ExtractedSymbol>? Symbols, string? Reason) ParseOne(string path)
    {
        // One scope per file, on the Parallel.For worker that parses it: each worker is a track of its own in a trace.
        using ProfileScope scope = Profiler.Scope("symbols.parse");
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                return (null, $"larger than {MaxFileBytes} bytes");
            }

            byte[] source = DefinitionsOperations.ReadUtf8(path);
            return (SymbolExtractor.Extract(DefinitionLanguages.ForPath(path)!, source), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationException or InvalidOperationException)
        {
            return (null, e is OperationException oe ? oe.Error.Message : e.Message);
        }
    }

    /// <summary>The files skipped while indexing, with the reason.</summary>
    public IEnumerable<(string Path, string Reason)> SkippedFiles()
    {
        for (int i = 0; i < _snapshot.FileCount; i++)
        {
            var f = _snapshot.File(i);
            if (f.Reason is not null)
            {
                yield return (f.Path, f.Reason);
            }
        }
    }

    /// <summary>
    /// Symbols whose name matches <paramref name="query"/>, best first: exact 1.0, prefix 0.8, substring 0.7, fuzzy
    /// (the query's characters in order) 0.5, ASCII case-insensitive; ties by shorter name, then name, file, line.
    /// </summary>
    public List<SymbolMatch> Find(string query, int limit)
    {
        byte[] q = Encoding.UTF8.GetBytes(query);
        Lower(q);
        var hits = new List<(double Score, int Atom)>();
        Span<byte> name = stackalloc byte[256];
        for (int a = 0; a < _snapshot.AtomCount; a++)
        {
            ReadOnlySpan<byte> raw = _snapshot.AtomName(a);
            if (raw.Length > name.Length)
            {
                continue;
            }

            Span<byte> n = name[..raw.Length];
            raw.CopyTo(n);
            Lower(n);
            double score = n.SequenceEqual(q) ? 1.0 : n.StartsWith(q) ? 0.8 : n.IndexOf(q) >= 0 ? 0.7 : IsSubsequence(q, n) ? 0.5 : 0;
            if (score > 0)
            {
                hits.Add((score, a));
            }
        }

        hits.Sort((x, y) =>
        {
            int c = y.Score.CompareTo(x.Score);
            if (c != 0)
            {
                return c;
            }

            c = _snapshot.AtomName(x.Atom).Length.CompareTo(_snapshot.AtomName(y.Atom).Length);
            return c != 0 ? c : x.Atom.CompareTo(y.Atom);
        });

        var result = new List<SymbolMatch>();
        foreach ((double score, int atom) in hits)
        {
            (int first, int count) = _snapshot.AtomSymbols(atom);
            string symbolName = Encoding.UTF8.GetString(_snapshot.AtomName(atom));
            for (int s = first; s < first + count; s++)
            {
                if (result.Count >= limit)
                {
                    return result;
                }

                var sym = _snapshot.Symbol(s);
                result.Add(new SymbolMatch(symbolName, _snapshot.Kind(sym.Kind), _snapshot.File(sym.File).Path, sym.StartRow + 1, sym.EndRow + 1, score));
            }
        }

        return result;
    }

    /// <summary>Every symbol as (name, kind, path, start row, end row), for comparing indexes.</summary>
    internal IEnumerable<(string Name, string Kind, string Path, int Start, int End)> AllSymbols()
    {
        for (int s = 0; s < _snapshot.SymbolCount; s++)
        {
            var sym = _snapshot.Symbol(s);
            yield return (Encoding.UTF8.GetString(_snapshot.AtomName(sym.Atom)), _snapshot.Kind(sym.Kind), _snapshot.File(sym.File).Path, sym.StartRow, sym.EndRow);
        }
    }

    private static void Lower(Span<byte> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if ((uint)(s[i] - 'A') <= 'Z' - 'A')
            {
                s[i] |= 0x20;
            }
        }
    }

    private static bool IsSubsequence(ReadOnlySpan<byte> q, ReadOnlySpan<byte> n)
    {
        int j = 0;
        for (int i = 0; i < n.Length && j < q.Length; i++)
        {
            if (n[i] == q[j])
            {
                j++;
            }
        }

        return j == q.Length && q.Length > 0;
    }

    public void Dispose() => _mapping?.Dispose();
}
