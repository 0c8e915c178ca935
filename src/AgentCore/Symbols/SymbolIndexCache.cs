namespace AgentCore.Symbols;

/// <summary>
/// Open symbol indexes kept across lookups, one per (root, snapshot): a long-lived caller (the <c>serve</c> and
/// <c>mcp</c> servers) passes one to <see cref="SymbolIndexOperations"/> so that a lookup does not walk the tree when
/// nothing changed. The index of a root is opened on its first use (from its snapshot, re-parsing only the files that
/// changed since), and opened again, incrementally, after a file system watcher saw a change under the root. Where the
/// watcher cannot run (the inotify watch limit, a file system without notifications) every lookup re-opens the index,
/// which is what a one-shot call does anyway.
/// </summary>
/// <remarks>
/// Thread-safe. Lookups on one index run concurrently; a refresh is one at a time per root, and lookups of that root
/// wait for it (they want the fresh answer). An index replaced or evicted while a lookup still reads it is disposed
/// when the last lookup ends (its snapshot stays mapped until then). At most <see cref="MaxRoots"/> roots are kept;
/// the least recently used goes first.
/// </remarks>
public sealed class SymbolIndexCache : IDisposable
{
    /// <summary>The default number of roots kept open.</summary>
    public const int DefaultMaxRoots = 8;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _clock;
    private bool _disposed;

    /// <summary>Creates an empty cache keeping at most <paramref name="maxRoots"/> roots open.</summary>
    public SymbolIndexCache(int maxRoots = DefaultMaxRoots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRoots, 1);
        MaxRoots = maxRoots;
    }

    /// <summary>The most roots kept open.</summary>
    public int MaxRoots { get; }

    /// <summary>Roots open now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// The open index of <paramref name="root"/> (absolute, normalized), opened or brought up to date first when it
    /// is new, when the watcher saw a change, or when <paramref name="refresh"/> asks; dispose the lease when done.
    /// </summary>
    internal async Task<Lease> AcquireAsync(string root, string snapshotPath, bool refresh, CancellationToken ct)
    {
        Entry entry;
        Entry? evicted = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            string key = root + "\0" + snapshotPath;
            if (!_entries.TryGetValue(key, out entry!))
            {
                if (_entries.Count >= MaxRoots)
                {
                    evicted = _entries.Values.MinBy(e => e.LastUsed);
                    _entries.Remove(evicted!.Key);
                }

                entry = new Entry(key, root, snapshotPath);
                _entries.Add(key, entry);
            }

            entry.LastUsed = ++_clock;
        }

        evicted?.Dispose();
        return await entry.AcquireAsync(refresh, ct).ConfigureAwait(false);
    }

    /// <summary>Closes every index (each when its last lookup ends) and stops the watchers.</summary>
    public void Dispose()
    {
        Entry[] entries;
        lock (_lock)
        {
            _disposed = true;
            entries = [.. _entries.Values];
            _entries.Clear();
        }

        foreach (Entry e in entries)
        {
            e.Dispose();
        }
    }

    /// <summary>A lookup's hold on an open index.</summary>
    internal readonly struct Lease(Handle handle) : IDisposable
    {
        /// <summary>The index (valid until the lease is disposed).</summary>
        public SymbolIndex Index => handle.Index;

        public void Dispose() => handle.Release();
    }

    /// <summary>An open index with a reference count: the cache holds one reference, each lease another.</summary>
    internal sealed class Handle(SymbolIndex index)
    {
        private int _references = 1;

        public SymbolIndex Index { get; } = index;

        public void AddReference() => Interlocked.Increment(ref _references);

        public void Release()
        {
            if (Interlocked.Decrement(ref _references) == 0)
            {
                Index.Dispose();
            }
        }
    }

    private sealed class Entry(string key, string root, string snapshotPath) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private FileSystemWatcher? _watcher;
        private Handle? _current;
        private long _changes;
        private long _builtAt = -1;
        private volatile bool _unwatched;
        private bool _disposed;

        public string Key { get; } = key;

        public long LastUsed { get; set; }

        public async Task<Lease> AcquireAsync(bool refresh, CancellationToken ct)
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_current is null || refresh || _unwatched || Interlocked.Read(ref _changes) != _builtAt)
                {
                    Watch();

                    // Changes seen from here on (also during the open) make the next lookup open it again.
                    long changes = Interlocked.Read(ref _changes);
                    SymbolIndex fresh = await Task.Run(() => SymbolIndex.Open(root, snapshotPath, ct), ct).ConfigureAwait(false);
                    _current?.Release();
                    _current = new Handle(fresh);
                    _builtAt = changes;
                }

                _current.AddReference();
                return new Lease(_current);
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose()
        {
            _gate.Wait();
            try
            {
                _disposed = true;
                _watcher?.Dispose();
                _watcher = null;
                _current?.Release();
                _current = null;
            }
            finally
            {
                _gate.Release();
            }
        }

        private void Watch()
        {
            if (_watcher is not null || _unwatched)
            {
                return;
            }

            try
            {
                var watcher = new FileSystemWatcher(root)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                };
                watcher.Changed += OnChange;
                watcher.Created += OnChange;
                watcher.Deleted += OnChange;
                watcher.Renamed += OnChange;
                watcher.Error += (_, _) => _unwatched = true;
                watcher.EnableRaisingEvents = true;
                _watcher = watcher;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
            {
                // No notifications (watch limit, file system): every lookup opens the index again.
                _unwatched = true;
            }
        }

        private void OnChange(object sender, FileSystemEventArgs e) => Interlocked.Increment(ref _changes);
    }
}
