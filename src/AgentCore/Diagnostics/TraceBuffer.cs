namespace AgentCore.Diagnostics;

/// <summary>
/// A bounded, lock-free, append-only store of <see cref="TraceEvent"/>s. Events beyond the capacity are dropped and
/// counted. Memory grows in 4,096-event segments as events arrive, so an idle buffer costs only its segment table.
/// </summary>
/// <remarks>Thread-safe for any number of writers; read it (<see cref="CopyTo"/>) once the writers are done.</remarks>
internal sealed class TraceBuffer
{
    private const int SegmentShift = 12;
    private const int SegmentSize = 1 << SegmentShift;

    private readonly TraceEvent[]?[] _segments;
    private readonly int _capacity;
    private int _next;
    private long _dropped;

    public TraceBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _segments = new TraceEvent[]?[(capacity + SegmentSize - 1) >> SegmentShift];
    }

    /// <summary>The most events kept.</summary>
    public int Capacity => _capacity;

    /// <summary>Events recorded (at most <see cref="Capacity"/>).</summary>
    public int Count => Math.Min(Volatile.Read(ref _next), _capacity);

    /// <summary>Events dropped because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Add(in TraceEvent e)
    {
        // Once full, _next is no longer incremented (it passes the capacity by at most one per racing thread), so
        // it cannot wrap around however long the process runs.
        int index = Volatile.Read(ref _next) >= _capacity ? _capacity : Interlocked.Increment(ref _next) - 1;
        if (index >= _capacity)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        TraceEvent[] segment = _segments[index >> SegmentShift] ?? AddSegment(index >> SegmentShift);
        segment[index & (SegmentSize - 1)] = e;
    }

    /// <summary>Appends every complete event to <paramref name="target"/>.</summary>
    public void CopyTo(List<TraceEvent> target)
    {
        int count = Count;
        for (int i = 0; i < count; i++)
        {
            TraceEvent[]? segment = Volatile.Read(ref _segments[i >> SegmentShift]);
            TraceEvent e = segment is null ? default : segment[i & (SegmentSize - 1)];
            if (e.Name is not null)
            {
                target.Add(e);
            }
        }
    }

    private TraceEvent[] AddSegment(int segmentIndex)
    {
        var fresh = new TraceEvent[SegmentSize];
        return Interlocked.CompareExchange(ref _segments[segmentIndex], fresh, null) ?? fresh;
    }
}
