using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Unicode;
using AgentCore.Diagnostics;
using AgentCore.Operations;
using Microsoft.Win32.SafeHandles;

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
        ulong hash = SymbolSnapshot.RootHash(Encoding.UTF8.GetBytes(root));
        return Path.Combine(cache, "agentcore", "index", $"{Path.GetFileName(root.TrimEnd('/'))}-{hash:x16}.idx");
    }

    /// <summary>Opens (and brings up to date) the index of <paramref name="root"/>.</summary>
    internal static SymbolIndex Open(string root, string snapshotPath, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        MappedMemory? mapped;
        SymbolSnapshot? old;
        using (Profiler.Scope("symbols.snapshot_load"))
        {
            mapped = MappedMemory.Open(snapshotPath);
            old = mapped is null ? null : SymbolSnapshot.TryOpen(mapped.Memory);
        }

        double loadSeconds = clock.Elapsed.TotalSeconds;
        string? rebuildReason = mapped is null ? "no snapshot" : old is null ? "snapshot corrupt or of another version" : null;
        if (old is not null && old.Root != root)
        {
            old = null;
            rebuildReason = "snapshot of another directory";
        }

        if (old is null && mapped is not null)
        {
            ((IDisposable)mapped).Dispose();
            mapped = null;
        }

        try
        {
            List<string> paths;
            using (Profiler.Scope("symbols.walk"))
            {
                paths = SourceWalker.Walk(root, ct);
            }

            var files = new IndexedFile[paths.Count];
            int[] oldFileMap = new int[old?.FileCount ?? 0];
            Array.Fill(oldFileMap, -1);
            var toParse = new List<int>();
            int reused = 0, skipped = 0;
            using (Profiler.Scope("symbols.stat"))
            {
                Stat(root, paths, files, ct);
                MatchPrevious(old, files, oldFileMap, toParse, ref reused, ref skipped);
            }

            if (old is not null && toParse.Count == 0 && old.FileCount == paths.Count)
            {
                var unchanged = new IndexStatistics(paths.Count, old.SymbolCount, 0, reused, skipped, clock.Elapsed.TotalSeconds, null, snapshotPath, loadSeconds);
                return new SymbolIndex(old, mapped, unchanged);
            }

            using (var fresh = new SymbolTableBuilder())
            {
                using (Profiler.Scope("symbols.parse_all"))
                {
                    Parallel.For(0, toParse.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
                    {
                        int i = toParse[k];
                        ParseOne(paths[i], ref files[i], i, fresh);
                    });
                }

                foreach (int i in toParse)
                {
                    skipped += files[i].Reason is null ? 0 : 1;
                }

                using (Profiler.Scope("symbols.snapshot_write"))
                {
                    fresh.Seal();
                    SnapshotFile.Replace(snapshotPath, stream => SymbolSnapshotWriter.Write(stream, root, files, old, oldFileMap, fresh));
                }
            }

            ((IDisposable?)mapped)?.Dispose();
            mapped = MappedMemory.Open(snapshotPath);
            SymbolSnapshot snapshot = (mapped is null ? null : SymbolSnapshot.OpenWritten(mapped.Memory))
                ?? throw new IOException($"{snapshotPath}: the snapshot just written does not read back");
            var statistics = new IndexStatistics(files.Length, snapshot.SymbolCount, toParse.Count, reused, skipped, clock.Elapsed.TotalSeconds, rebuildReason, snapshotPath, old is null ? 0 : loadSeconds);
            return new SymbolIndex(snapshot, mapped, statistics);
        }
        catch
        {
            ((IDisposable?)mapped)?.Dispose();
            throw;
        }
    }

    /// <summary>Relative path, length and modification time of every file: one stat each, on all cores.</summary>
    private static void Stat(string root, List<string> paths, IndexedFile[] files, CancellationToken ct)
    {
        if (paths.Count == 0)
        {
            return; // Partitioner.Create rejects an empty range
        }

        string prefix = root.EndsWith('/') ? root : root + "/";
        Parallel.ForEach(Partitioner.Create(0, paths.Count, 256), new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                string path = paths[i];
                (long length, long ticks) = FileStat.Of(path);
                files[i] = new IndexedFile
                {
                    Path = path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : Path.GetRelativePath(root, path).Replace('\\', '/'),
                    Length = length,
                    MtimeTicks = ticks,
                };
            }
        });
    }

    /// <summary>
    /// Finds each file in the previous snapshot by a merge walk (both lists are in the walk's ordinal path order, so
    /// no path of the snapshot is decoded): a file with the same length and modification time is reused, any other is
    /// queued for parsing. Where UTF-8 byte order and UTF-16 ordinal order disagree (surrogate pairs), a file may miss
    /// its previous entry and is parsed again: slower, never wrong. The map is increasing, as the writer needs.
    /// </summary>
    private static void MatchPrevious(SymbolSnapshot? old, IndexedFile[] files, int[] oldFileMap, List<int> toParse, ref int reused, ref int skipped)
    {
        byte[] buffer = new byte[1024];
        int j = 0;
        for (int i = 0; i < files.Length; i++)
        {
            ref IndexedFile file = ref files[i];
            if (old is not null && j < old.FileCount)
            {
                int length = Encoding.UTF8.GetMaxByteCount(file.Path.Length);
                if (length > buffer.Length)
                {
                    buffer = new byte[length];
                }

                ReadOnlySpan<byte> path = buffer.AsSpan(0, Encoding.UTF8.GetBytes(file.Path, buffer));
                int c = -1;
                while (j < old.FileCount && (c = old.FilePath(j).SequenceCompareTo(path)) < 0)
                {
                    j++;
                }

                if (c == 0)
                {
                    (long oldLength, long oldTicks, int symbolCount, bool hasReason) = old.FileIdentity(j);
                    if (oldLength == file.Length && oldTicks == file.MtimeTicks)
                    {
                        file.SymbolCount = symbolCount;
                        file.Reason = hasReason ? old.File(j).Reason : null;
                        oldFileMap[j] = i;
                        reused++;
                        skipped += hasReason ? 1 : 0;
                        j++;
                        continue;
                    }

                    j++;
                }
            }

            toParse.Add(i);
        }
    }

    /// <summary>Reads, parses and adds one file; a file that cannot be read or parsed gets a skip reason instead.
    /// The text is a pooled buffer, released when the file's symbols are in the table.</summary>
    private static void ParseOne(string path, ref IndexedFile file, int fileIndex, SymbolTableBuilder fresh)
    {
        // One scope per file, on the Parallel.For worker that parses it: each worker is a track of its own in a trace.
        using ProfileScope scope = Profiler.Scope("symbols.parse");
        byte[]? rented = null;
        List<FileSymbol> symbols = t_symbols ??= [];
        symbols.Clear();
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            long length = RandomAccess.GetLength(handle);
            if (length > MaxFileBytes)
            {
                file.Reason = $"larger than {MaxFileBytes} bytes";
                return;
            }

            rented = ArrayPool<byte>.Shared.Rent((int)length);
            int read = 0;
            while (read < length)
            {
                int n = RandomAccess.Read(handle, rented.AsSpan(read, (int)length - read), read);
                if (n == 0)
                {
                    break; // truncated while reading: index what is there
                }

                read += n;
            }

            ReadOnlySpan<byte> source = rented.AsSpan(0, read);
            if (!Utf8.IsValid(source))
            {
                source = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(source)); // as Node's readFile(path, "utf8")
            }

            SymbolExtractor.Extract(DefinitionLanguages.ForPath(path)!, source, symbols);
            file.SymbolCount = fresh.Add(fileIndex, source, symbols);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationException or InvalidOperationException)
        {
            file.Reason = e is OperationException oe ? oe.Error.Message : e.Message;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

            symbols.Clear();
        }
    }

    [ThreadStatic]
    private static List<FileSymbol>? t_symbols;

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
