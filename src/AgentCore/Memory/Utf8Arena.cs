namespace AgentCore.Memory;

/// <summary>
/// Append-only storage of UTF-8 byte runs in pooled segments: many small allocations become a few 64 KiB ones, and
/// <see cref="Clear"/> returns every segment to the pool at once.
/// </summary>
/// <remarks>
/// <para>Each appended run is contiguous (a reader gets one span). A run that does not fit the current segment
/// starts a new one when it is small (at most 1/16 of a segment, so the tail left behind wastes at most 6.25 %);
/// a larger run gets an exact-size array of its own, so no run ever wastes more than that fraction.</para>
/// <para>Cost: O(length) per append (one copy); no per-run object. Not thread-safe.</para>
/// </remarks>
internal sealed class Utf8Arena : IDisposable
{
    private readonly ArenaSegmentPool _pool;
    private byte[][] _segments = [];
    private int _segmentCount;
    private byte[]? _current;
    private int _position;
    private long _usedBytes;
    private long _capacityBytes;

    /// <summary>Creates an empty arena drawing segments from <paramref name="pool"/> (default: <see cref="ArenaSegmentPool.Shared"/>).</summary>
    public Utf8Arena(ArenaSegmentPool? pool = null) => _pool = pool ?? ArenaSegmentPool.Shared;

    /// <summary>Bytes appended since the last clear.</summary>
    public long UsedBytes => _usedBytes;

    /// <summary>Bytes of all segments held (what the arena costs in memory, besides its small segment table).</summary>
    public long CapacityBytes => _capacityBytes;

    /// <summary>Segments held.</summary>
    public int SegmentCount => _segmentCount;

    /// <summary>The largest run that shares a standard segment with others; longer runs get their own array.</summary>
    public int OversizeThreshold => _pool.SegmentSize / 16;

    /// <summary>Copies <paramref name="bytes"/> into the arena and returns where they are.</summary>
    public ArenaSlice Append(ReadOnlySpan<byte> bytes)
    {
        byte[]? current = _current;
        if (current is not null && bytes.Length <= current.Length - _position)
        {
            int offset = _position;
            bytes.CopyTo(current.AsSpan(offset));
            _position = offset + bytes.Length;
            _usedBytes += bytes.Length;
            return new ArenaSlice(current, offset, bytes.Length);
        }

        return AppendSlow(bytes);
    }

    private ArenaSlice AppendSlow(ReadOnlySpan<byte> bytes)
    {
        byte[] target;
        if (bytes.Length > OversizeThreshold)
        {
            // Exact size: the run is too big to share a segment without wasting more than 1/16 of one.
            target = GC.AllocateUninitializedArray<byte>(bytes.Length);
            AddSegment(target);
        }
        else
        {
            target = _pool.Rent();
            AddSegment(target);
            _current = target;
            _position = bytes.Length;
        }

        bytes.CopyTo(target);
        _usedBytes += bytes.Length;
        return new ArenaSlice(target, 0, bytes.Length);
    }

    private void AddSegment(byte[] segment)
    {
        if (_segmentCount == _segments.Length)
        {
            Array.Resize(ref _segments, Math.Max(8, _segments.Length * 2));
        }

        _segments[_segmentCount++] = segment;
        _capacityBytes += segment.Length;
    }

    /// <summary>Forgets every run and returns the standard segments to the pool (their table is kept for reuse). All slices handed out become invalid.</summary>
    public void Clear()
    {
        for (int i = 0; i < _segmentCount; i++)
        {
            _pool.Return(_segments[i]);
            _segments[i] = null!;
        }

        _segmentCount = 0;
        _current = null;
        _position = 0;
        _usedBytes = 0;
        _capacityBytes = 0;
    }

    /// <summary>Same as <see cref="Clear"/>.</summary>
    public void Dispose() => Clear();
}
