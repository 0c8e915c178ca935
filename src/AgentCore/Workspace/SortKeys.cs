namespace AgentCore.Workspace;

/// <summary>
/// Byte sort keys of many items in one growing buffer (no allocation per item): the item's comparison is computed once
/// as bytes (<see cref="JsCollation.AppendKey"/>), and sorting compares bytes with a vectorized ordinal comparison
/// instead of running the collation for every pair.
/// </summary>
/// <remarks>Not thread-safe. Keys are added in item order: <see cref="Add"/> bytes, then <see cref="EndKey"/>.</remarks>
internal sealed class SortKeys
{
    private readonly int[] _starts;
    private byte[] _bytes;
    private int _length;
    private int _count;

    /// <summary>Room for <paramref name="count"/> keys of about <paramref name="bytesPerKey"/> bytes each.</summary>
    public SortKeys(int count, int bytesPerKey)
    {
        _starts = new int[count + 1];
        _bytes = new byte[Math.Max(16, (int)Math.Min(Array.MaxLength, (long)count * bytesPerKey))];
    }

    /// <summary>Appends one byte to the current key.</summary>
    public void Add(byte b)
    {
        if (_length == _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, _bytes.Length * 2L));
        }

        _bytes[_length++] = b;
    }

    /// <summary>Room for <paramref name="count"/> more bytes of the current key: write them, then <see cref="Advance"/>.</summary>
    public Span<byte> Reserve(int count)
    {
        if (_bytes.Length - _length < count)
        {
            Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max(_bytes.Length * 2L, (long)_length + count)));
        }

        return _bytes.AsSpan(_length, count);
    }

    /// <summary>Adds the first <paramref name="count"/> bytes written to the span of <see cref="Reserve"/> to the current key.</summary>
    public void Advance(int count) => _length += count;

    /// <summary>Ends the current key; the next <see cref="Add"/> starts the key of the next item.</summary>
    public void EndKey() => _starts[++_count] = _length;

    /// <summary>The key of item <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> this[int index] => _bytes.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>The item indices in key order; equal keys in index order (a stable sort).</summary>
    public int[] Order()
    {
        int[] order = new int[_count];
        for (int k = 0; k < order.Length; k++)
        {
            order[k] = k;
        }

        order.AsSpan().Sort(new KeyComparer(_bytes, _starts));
        return order;
    }

    private readonly struct KeyComparer(byte[] bytes, int[] starts) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            int c = bytes.AsSpan(starts[x], starts[x + 1] - starts[x]).SequenceCompareTo(bytes.AsSpan(starts[y], starts[y + 1] - starts[y]));
            return c != 0 ? c : x.CompareTo(y);
        }
    }
}
