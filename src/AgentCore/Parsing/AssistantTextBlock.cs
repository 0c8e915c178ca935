using AgentCore.JavaScript;

namespace AgentCore.Parsing;

/// <summary>
/// Text outside tool uses (the reference's <c>TextContent</c>): the characters from where the block started to the end
/// of the message (or to the next tool's opening tag), trimmed with JavaScript <c>trim()</c> semantics.
/// </summary>
/// <remarks>
/// The trimmed bounds are found incrementally: each character of the block is inspected O(1) times in total, however
/// often <see cref="Content"/> is read while the block grows. The string is built on read and cached until the block
/// changes.
/// </remarks>
public sealed class AssistantTextBlock : AssistantMessageBlock
{
    private readonly CharAccumulator _acc;
    private readonly int _start;

    // While the block is open it ends at the accumulator's end; once closed, [_closedStart, _closedEnd) is final.
    private bool _closed;
    private int _closedStart;
    private int _closedEnd;

    // Incremental trim state of the open block: [_start, _firstScanned) is all white space while _firstNonWs < 0;
    // _lastNonWs is the last non-white-space position within [_start, _lastScanned).
    private int _firstNonWs = -1;
    private int _firstScanned;
    private int _lastNonWs = -1;
    private int _lastScanned;

    private string? _content;
    private int _contentStart;
    private int _contentEnd;

    internal AssistantTextBlock(CharAccumulator acc, int start)
    {
        _acc = acc;
        _start = start;
        _firstScanned = start;
        _lastScanned = start;
    }

    /// <inheritdoc/>
    public override string Type => "text";

    /// <summary>The trimmed text (a new string only when it changed since the last read).</summary>
    public string Content
    {
        get
        {
            (int start, int end) = Bounds();
            if (_content is null || start != _contentStart || end != _contentEnd)
            {
                _content = end == start ? string.Empty : new string(_acc.Buffer, start, end - start);
                _contentStart = start;
                _contentEnd = end;
            }

            return _content;
        }
    }

    /// <summary>The trimmed text without a copy; valid until the parser is fed again.</summary>
    public ReadOnlySpan<char> ContentSpan
    {
        get
        {
            (int start, int end) = Bounds();
            return _acc.Buffer.AsSpan(start, end - start);
        }
    }

    /// <summary>Ends the block where a tool's opening tag starts (the reference removes <c>&lt;tool</c> and trims again).</summary>
    internal void Close(int tagStart)
    {
        ReadOnlySpan<char> buffer = _acc.Buffer;
        int from;
        if (_firstNonWs >= 0)
        {
            from = Math.Min(_firstNonWs, tagStart);
        }
        else
        {
            from = Math.Min(_firstScanned, tagStart);
        }

        (_closedStart, _closedEnd) = JsText.Trim(buffer, from, tagStart);
        _closed = true;
        Partial = false;
    }

    private (int Start, int End) Bounds()
    {
        if (_closed)
        {
            return (_closedStart, _closedEnd);
        }

        ReadOnlySpan<char> buffer = _acc.Buffer;
        int end = _acc.Length;
        if (_firstNonWs < 0)
        {
            for (int i = _firstScanned; i < end; i++)
            {
                if (!JsText.IsWhiteSpace(buffer[i]))
                {
                    _firstNonWs = i;
                    break;
                }
            }

            _firstScanned = end;
        }

        for (int i = end - 1; i >= _lastScanned; i--)
        {
            if (!JsText.IsWhiteSpace(buffer[i]))
            {
                _lastNonWs = i;
                break;
            }
        }

        _lastScanned = end;
        return _firstNonWs < 0 ? (_start, _start) : (_firstNonWs, _lastNonWs + 1);
    }
}
