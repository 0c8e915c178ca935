namespace AgentCore.Symbols;

/// <summary>The lines of a UTF-8 text as JavaScript's <c>split("\n")</c> makes them: a trailing "\r" stays on its
/// line, and a text ending in "\n" has a last, empty line.</summary>
internal readonly struct SourceLines
{
    private readonly byte[] _text;
    private readonly int _length;
    private readonly int[] _starts;

    public SourceLines(byte[] text, int length)
    {
        _text = text;
        _length = length;
        var starts = new List<int>(Math.Max(16, length / 32)) { 0 };
        ReadOnlySpan<byte> span = text.AsSpan(0, length);
        int offset = 0;
        while (true)
        {
            int nl = span[offset..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                break;
            }

            offset += nl + 1;
            starts.Add(offset);
        }

        _starts = [.. starts];
    }

    /// <summary>The number of lines (at least 1).</summary>
    public int Count => _starts.Length;

    /// <summary>Line <paramref name="row"/> without its "\n" (empty past the end).</summary>
    public ReadOnlySpan<byte> this[int row]
    {
        get
        {
            if ((uint)row >= (uint)_starts.Length)
            {
                return default;
            }

            int start = _starts[row];
            int end = row + 1 < _starts.Length ? _starts[row + 1] - 1 : _length;
            return _text.AsSpan(start, end - start);
        }
    }
}
