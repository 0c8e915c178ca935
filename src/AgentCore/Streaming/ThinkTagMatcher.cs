using System.Buffers;

namespace AgentCore.Streaming;

/// <summary>
/// The extension's streaming single-tag splitter (<c>XmlMatcher</c>, later <c>TagMatcher</c>) used for
/// <c>&lt;think&gt;…&lt;/think&gt;</c>: text inside the tag is "matched" (reasoning), the rest is not.
/// </summary>
/// <remarks>
/// Exact port of the reference rules (parity spec 3.3), including its quirks: a tag is recognised only when its
/// <c>&lt;</c> is within the first <c>position + 1</c> code points of the whole stream (or inside a matched block), a
/// nested opening tag is kept as data, a stray closing tag at the start is dropped. Iteration is by code point within
/// each <see cref="Update"/> call, like JavaScript's <c>for…of</c>. After every call the produced segments are read with
/// <see cref="SegmentCount"/> / <see cref="GetSegment"/>; they stay valid until the next call.
/// Once the tag can no longer open, text passes through without copying (<see cref="IsPassThrough"/>).
/// </remarks>
internal sealed class ThinkTagMatcher : IDisposable
{
    private const int TextState = 0;
    private const int TagOpenState = 1;
    private const int TagCloseState = 2;

    private readonly string _tag;
    private readonly int _position;
    private char[] _cached = ArrayPool<char>.Shared.Rent(32);
    private int _cachedLength;
    private char[] _out = ArrayPool<char>.Shared.Rent(256);
    private int _outLength;
    private readonly List<(bool Matched, int Start, int Length)> _segments = [];
    private int _state;
    private int _index;
    private int _depth;
    private bool _matched;
    private long _pointer;

    /// <summary>Creates a matcher for <paramref name="tag"/> (default <c>think</c>), recognised within the first <paramref name="position"/> + 1 code points.</summary>
    public ThinkTagMatcher(string tag = "think", int position = 0)
    {
        _tag = tag;
        _position = position;
    }

    /// <summary>True when no tag can open any more and nothing is buffered: the next input is plain text, unchanged.</summary>
    public bool IsPassThrough => _state == TextState && !_matched && _cachedLength == 0 && _pointer > _position;

    /// <summary>Number of segments produced by the last call.</summary>
    public int SegmentCount => _segments.Count;

    /// <summary>Segment <paramref name="i"/> of the last call; <paramref name="matched"/> is true for text inside the tag.</summary>
    public ReadOnlySpan<char> GetSegment(int i, out bool matched)
    {
        (bool m, int start, int length) = _segments[i];
        matched = m;
        return _out.AsSpan(start, length);
    }

    /// <summary>Processes the next piece of text (reference <c>update</c>).</summary>
    public void Update(ReadOnlySpan<char> text)
    {
        _segments.Clear();
        _outLength = 0;
        Process(text);
    }

    /// <summary>Processes the optional last piece and flushes whatever is buffered, even half a tag (reference <c>final</c>).</summary>
    public void Final(ReadOnlySpan<char> text = default)
    {
        _segments.Clear();
        _outLength = 0;
        Process(text);
        Collect();
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_cached);
        ArrayPool<char>.Shared.Return(_out);
        _cached = _out = [];
    }

    private void Process(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (_state == TextState && _cachedLength == 0 && (_matched || _pointer > _position))
            {
                // Fast path: in TEXT with nothing cached, every code point up to the next '<' that could open a tag is
                // collected as it is, so the whole run goes out at once. (While the pointer is still within the
                // opening window, code points are counted one by one below.)
                int run = _matched ? text[i..].IndexOf('<') : -1;
                if (run < 0)
                {
                    run = text.Length - i;
                }

                if (run > 0)
                {
                    AppendOut(_matched, text.Slice(i, run));
                    _pointer += run; // past the opening window the pointer is only compared as "large"
                    i += run;
                    continue;
                }
            }

            int width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            Step(text.Slice(i, width));
            i += width;
        }
    }

    private void Step(ReadOnlySpan<char> cp)
    {
        AppendCached(cp);
        _pointer++;
        char ch = cp.Length == 1 ? cp[0] : '\0';
        switch (_state)
        {
            case TextState:
                if (ch == '<' && (_pointer <= _position + 1 || _matched))
                {
                    _state = TagOpenState;
                    _index = 0;
                }
                else
                {
                    Collect();
                }

                break;
            case TagOpenState:
                if (ch == '>' && _index == _tag.Length)
                {
                    _state = TextState;
                    if (!_matched)
                    {
                        _cachedLength = 0;
                    }

                    _depth++;
                    _matched = true;
                }
                else if (_index == 0 && ch == '/')
                {
                    _state = TagCloseState;
                }
                else if (ch == ' ' && (_index == 0 || _index == _tag.Length))
                {
                    // Skipped: the space stays cached and goes with the tag.
                }
                else if (_index < _tag.Length && cp.Length == 1 && _tag[_index] == ch)
                {
                    _index++;
                }
                else
                {
                    _state = TextState;
                    Collect();
                }

                break;
            default:
                if (ch == '>' && _index == _tag.Length)
                {
                    _state = TextState;
                    _depth--;
                    _matched = _depth > 0;
                    if (!_matched)
                    {
                        _cachedLength = 0;
                    }
                }
                else if (ch == ' ' && (_index == 0 || _index == _tag.Length))
                {
                    // Skipped.
                }
                else if (_index < _tag.Length && cp.Length == 1 && _tag[_index] == ch)
                {
                    _index++;
                }
                else
                {
                    _state = TextState;
                    Collect();
                }

                break;
        }
    }

    private void Collect()
    {
        if (_cachedLength == 0)
        {
            return;
        }

        AppendOut(_matched, _cached.AsSpan(0, _cachedLength));
        _cachedLength = 0;
    }

    private void AppendOut(bool matched, ReadOnlySpan<char> data)
    {
        if (_out.Length - _outLength < data.Length)
        {
            char[] bigger = ArrayPool<char>.Shared.Rent(Math.Max(_out.Length * 2, _outLength + data.Length));
            _out.AsSpan(0, _outLength).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_out);
            _out = bigger;
        }

        data.CopyTo(_out.AsSpan(_outLength));
        int count = _segments.Count;
        if (count > 0 && _segments[count - 1].Matched == matched)
        {
            (bool m, int start, int length) = _segments[count - 1];
            _segments[count - 1] = (m, start, length + data.Length);
        }
        else
        {
            _segments.Add((matched, _outLength, data.Length));
        }

        _outLength += data.Length;
    }

    private void AppendCached(ReadOnlySpan<char> cp)
    {
        if (_cached.Length - _cachedLength < cp.Length)
        {
            char[] bigger = ArrayPool<char>.Shared.Rent(_cached.Length * 2);
            _cached.AsSpan(0, _cachedLength).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_cached);
            _cached = bigger;
        }

        cp.CopyTo(_cached.AsSpan(_cachedLength));
        _cachedLength += cp.Length;
    }
}
