using System.Buffers;

namespace AgentCore.Parsing;

/// <summary>
/// The parser's append-only accumulator (the reference's <c>accumulator</c> string): every character fed so far, in
/// one growable array. Blocks hold index ranges into it; characters once written never change.
/// </summary>
/// <remarks>
/// Growth doubles the array, so appends are amortized O(1) and the work depends on the total length only, never on
/// how the text was chunked. Arrays come from <see cref="ArrayPool{T}.Shared"/> and each outgrown one goes back at
/// once: blocks never hold an array, they read <see cref="Buffer"/> at the time they are read. The current array is
/// never returned (blocks of a finished or reset parser may still be read), so a message costs one array of its
/// final capacity, as if it had been fed whole (docs/performance.md).
/// </remarks>
internal sealed class CharAccumulator
{
    private const int InitialCapacity = 256;

    private char[] _buffer = [];

    /// <summary>Number of characters written.</summary>
    public int Length { get; private set; }

    /// <summary>The characters written so far.</summary>
    public ReadOnlySpan<char> Span => _buffer.AsSpan(0, Length);

    /// <summary>The backing array (valid up to <see cref="Length"/>; replaced when it grows).</summary>
    public char[] Buffer => _buffer;

    public void Append(ReadOnlySpan<char> chars)
    {
        int needed = Length + chars.Length;
        if (needed > _buffer.Length)
        {
            Grow(needed);
        }

        chars.CopyTo(_buffer.AsSpan(Length));
        Length = needed;
    }

    private void Grow(int needed)
    {
        int capacity = Math.Max(InitialCapacity, _buffer.Length);
        while (capacity < needed)
        {
            capacity = capacity > int.MaxValue / 2 ? needed : capacity * 2;
        }

        char[] next = ArrayPool<char>.Shared.Rent(capacity);
        _buffer.AsSpan(0, Length).CopyTo(next);
        char[] old = _buffer;
        _buffer = next;
        if (old.Length > 0)
        {
            ArrayPool<char>.Shared.Return(old);
        }
    }
}
