namespace AgentCore.Memory;

/// <summary>
/// A pool of equal-sized byte segments shared by <see cref="Utf8Arena"/> instances. Clearing an arena hands all of
/// its standard segments back at once; the next arena (or the same one) takes them again instead of allocating.
/// </summary>
/// <remarks>
/// Thread-safe (one short lock per rent/return; arenas rent a segment per 64 KiB of text, so contention is nil).
/// At most <see cref="MaxRetainedSegments"/> segments are kept; extra returns are left to the GC, which bounds the
/// memory a burst of large conversations can pin after they are gone.
/// </remarks>
internal sealed class ArenaSegmentPool
{
    /// <summary>Size of a standard segment: 64 KiB (below the 85,000-byte large-object threshold, so segments are ordinary gen0 arrays that the pool keeps alive).</summary>
    public const int DefaultSegmentSize = 64 * 1024;

    private readonly Lock _lock = new();
    private readonly byte[][] _free;
    private int _freeCount;
    private long _allocated;

    /// <summary>Creates a pool of <paramref name="segmentSize"/>-byte segments keeping at most <paramref name="maxRetainedSegments"/> free ones.</summary>
    public ArenaSegmentPool(int segmentSize = DefaultSegmentSize, int maxRetainedSegments = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentSize, 1024);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetainedSegments);
        SegmentSize = segmentSize;
        _free = new byte[maxRetainedSegments][];
    }

    /// <summary>The process-wide pool (64 KiB segments, up to 256 retained = 16 MiB).</summary>
    public static ArenaSegmentPool Shared { get; } = new();

    /// <summary>Size in bytes of every segment this pool hands out.</summary>
    public int SegmentSize { get; }

    /// <summary>Most free segments kept for reuse.</summary>
    public int MaxRetainedSegments => _free.Length;

    /// <summary>How many segments this pool has allocated from the GC since it was created (reuse does not count).</summary>
    public long SegmentsAllocated => Interlocked.Read(ref _allocated);

    /// <summary>Free segments currently held.</summary>
    public int FreeCount
    {
        get
        {
            lock (_lock)
            {
                return _freeCount;
            }
        }
    }

    /// <summary>Takes a segment: a pooled one when available, else a new one.</summary>
    public byte[] Rent()
    {
        lock (_lock)
        {
            if (_freeCount > 0)
            {
                byte[] segment = _free[--_freeCount];
                _free[_freeCount] = null!;
                return segment;
            }
        }

        Interlocked.Increment(ref _allocated);
        return GC.AllocateUninitializedArray<byte>(SegmentSize);
    }

    /// <summary>Gives a segment back. Segments of another size are ignored (left to the GC).</summary>
    public void Return(byte[] segment)
    {
        if (segment.Length != SegmentSize)
        {
            return;
        }

        lock (_lock)
        {
            if (_freeCount < _free.Length)
            {
                _free[_freeCount++] = segment;
            }
        }
    }
}
