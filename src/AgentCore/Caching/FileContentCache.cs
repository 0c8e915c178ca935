namespace AgentCore.Caching;

/// <summary>
/// A least-recently-used cache of file contents bounded by bytes, not entries: the sum of
/// <see cref="CachedFile.Weight"/> never exceeds the budget, also while threads add concurrently (room is reserved
/// with a compare-and-swap before an entry is published, evicting least-recently-used entries until it fits).
/// Keys are <see cref="FileCacheKey"/> (path + length + mtime), so an edited file misses.
/// </summary>
/// <remarks>
/// Striped: 16 shards, each a dictionary plus a recency list under its own lock, so readers of different files do not
/// contend. Eviction takes the globally least recently used entry (the oldest of the shard tails, by a use stamp). Chosen over
/// BitFaster.Caching's <c>ConcurrentLru</c>, which bounds the entry count, not bytes (bench/AgentCore.Benchmarks/Caching).
/// </remarks>
internal sealed class FileContentCache
{
    /// <summary>The bytes each entry costs beyond its content (key, node, dictionary slot).</summary>
    public const int EntryOverhead = 128;

    private const int ShardCount = 16;

    private readonly Shard[] _shards;
    private long _used;
    private long _hits;
    private long _misses;
    private long _evictions;
    private long _clock;

    /// <summary>Creates a cache holding at most <paramref name="budgetBytes"/> bytes.</summary>
    public FileContentCache(long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetBytes);
        BudgetBytes = budgetBytes;
        _shards = new Shard[ShardCount];
        for (int i = 0; i < ShardCount; i++)
        {
            _shards[i] = new Shard();
        }
    }

    /// <summary>The byte budget.</summary>
    public long BudgetBytes { get; }

    /// <summary>Bytes currently held (always at most <see cref="BudgetBytes"/>).</summary>
    public long UsedBytes => Volatile.Read(ref _used);

    /// <summary>Lookups that found the entry.</summary>
    public long Hits => Volatile.Read(ref _hits);

    /// <summary>Lookups that did not.</summary>
    public long Misses => Volatile.Read(ref _misses);

    /// <summary>Entries evicted to make room.</summary>
    public long Evictions => Volatile.Read(ref _evictions);

    /// <summary>The number of entries.</summary>
    public int Count
    {
        get
        {
            int n = 0;
            foreach (Shard s in _shards)
            {
                lock (s.Lock)
                {
                    n += s.Map.Count;
                }
            }

            return n;
        }
    }

    /// <summary>The entry for <paramref name="key"/>, marking it most recently used; null on a miss.</summary>
    public CachedFile? TryGet(FileCacheKey key)
    {
        Shard s = ShardOf(key);
        lock (s.Lock)
        {
            if (s.Map.TryGetValue(key, out LinkedListNode<Entry>? node))
            {
                s.Order.Remove(node);
                s.Order.AddFirst(node);
                node.Value.Stamp = Interlocked.Increment(ref _clock);
                Interlocked.Increment(ref _hits);
                return node.Value.Value;
            }
        }

        Interlocked.Increment(ref _misses);
        return null;
    }

    /// <summary>Adds or replaces the entry; returns false when it is larger than the whole budget (not cached).</summary>
    public bool Set(FileCacheKey key, CachedFile value)
    {
        ArgumentNullException.ThrowIfNull(value);
        long weight = value.Weight;
        if (weight > BudgetBytes)
        {
            return false;
        }

        Remove(key);
        while (true)
        {
            long used = Volatile.Read(ref _used);
            if (used + weight <= BudgetBytes)
            {
                if (Interlocked.CompareExchange(ref _used, used + weight, used) == used)
                {
                    break;
                }

                continue;
            }

            if (!EvictOne())
            {
                Thread.Yield(); // another thread holds the room being freed; try again
            }
        }

        Shard s = ShardOf(key);
        lock (s.Lock)
        {
            if (s.Map.Remove(key, out LinkedListNode<Entry>? old))
            {
                s.Order.Remove(old);
                Interlocked.Add(ref _used, -old.Value.Value.Weight);
            }

            s.Map[key] = s.Order.AddFirst(new Entry(key, value, Interlocked.Increment(ref _clock)));
        }

        return true;
    }

    /// <summary>Removes the entry for <paramref name="key"/> if present.</summary>
    public bool Remove(FileCacheKey key)
    {
        Shard s = ShardOf(key);
        lock (s.Lock)
        {
            if (!s.Map.Remove(key, out LinkedListNode<Entry>? node))
            {
                return false;
            }

            s.Order.Remove(node);
            Interlocked.Add(ref _used, -node.Value.Value.Weight);
            return true;
        }
    }

    /// <summary>The file's bytes from the cache, or read (whole, up to <paramref name="maxBytes"/>) and cached.</summary>
    public CachedFile? GetOrRead(string path, int maxBytes = 8 * 1024 * 1024)
    {
        FileCacheKey? key = FileCacheKey.For(path);
        if (key is null || key.Value.Length > maxBytes)
        {
            return null;
        }

        CachedFile? hit = TryGet(key.Value);
        if (hit is not null)
        {
            return hit;
        }

        var file = new CachedFile(File.ReadAllBytes(path));
        Set(key.Value, file);
        return file;
    }

    // Exact LRU across shards: each shard's list is in recency order, so the oldest entry is the oldest shard tail.
    private bool EvictOne()
    {
        Shard? oldest = null;
        long oldestStamp = long.MaxValue;
        foreach (Shard s in _shards)
        {
            lock (s.Lock)
            {
                LinkedListNode<Entry>? last = s.Order.Last;
                if (last is not null && last.Value.Stamp < oldestStamp)
                {
                    oldestStamp = last.Value.Stamp;
                    oldest = s;
                }
            }
        }

        if (oldest is null)
        {
            return false;
        }

        lock (oldest.Lock)
        {
            LinkedListNode<Entry>? last = oldest.Order.Last;
            if (last is null)
            {
                return true; // emptied meanwhile: room may exist now, the caller retries
            }

            oldest.Order.RemoveLast();
            oldest.Map.Remove(last.Value.Key);
            Interlocked.Add(ref _used, -last.Value.Value.Weight);
            Interlocked.Increment(ref _evictions);
            return true;
        }
    }

    private Shard ShardOf(FileCacheKey key) => _shards[(uint)key.GetHashCode() % ShardCount];

    private sealed class Entry(FileCacheKey key, CachedFile value, long stamp)
    {
        public FileCacheKey Key { get; } = key;

        public CachedFile Value { get; } = value;

        public long Stamp { get; set; } = stamp;
    }

    private sealed class Shard
    {
        public readonly Lock Lock = new();
        public readonly Dictionary<FileCacheKey, LinkedListNode<Entry>> Map = [];
        public readonly LinkedList<Entry> Order = new();
    }
}
