namespace AgentCore.Memory;

/// <summary>
/// A run of bytes inside a <see cref="Utf8Arena"/> segment: a segment reference, an offset and a length (16 bytes).
/// Valid until the arena is cleared; the arena's owner must not hand slices out past that point.
/// </summary>
internal readonly struct ArenaSlice
{
    private readonly byte[]? _segment;
    private readonly int _offset;

    internal ArenaSlice(byte[] segment, int offset, int length)
    {
        _segment = segment;
        _offset = offset;
        Length = length;
    }

    /// <summary>Length in bytes.</summary>
    public int Length { get; }

    /// <summary>The bytes.</summary>
    public ReadOnlySpan<byte> Span => _segment is null ? default : new ReadOnlySpan<byte>(_segment, _offset, Length);
}
