using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AgentCore.Streaming;

/// <summary>
/// A resumable parser of the WHATWG <c>text/event-stream</c> format (HTML Living Standard, "Interpreting an event
/// stream"): CR, LF and CRLF line ends (a CRLF split across reads is one terminator), one leading BOM, comments,
/// the <c>event</c>, <c>data</c>, <c>id</c> and <c>retry</c> fields, the event type reset after every dispatch.
/// </summary>
/// <remarks>
/// Bytes are pushed in any split; the events dispatched are the same for every split. Lines are parsed in place
/// from the pushed span when they are complete inside it, and only a line cut by a read boundary is copied into a
/// pooled buffer. No managed allocation per event. An event whose terminating blank line never arrives is not
/// dispatched (<see cref="HasPendingEvent"/> tells the caller that the input ended inside one).
/// Not thread-safe: one parser per stream.
/// </remarks>
internal sealed class SseParser : IDisposable
{
    private const int InitialBufferSize = 256;

    /// <summary>The default cap of one line and of one event's data: 32 MiB, far above any real provider event.</summary>
    public const int DefaultMaxEventBytes = 32 * 1024 * 1024;
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> MessageType => "message"u8;

    private byte[] _line;
    private int _lineLength;
    private byte[] _data;
    private int _dataLength;
    private int _pendingOffset = -1; // data of one line not yet copied: whole[_pendingOffset.._pendingOffset+_pendingLength]
    private int _pendingLength;
    private byte[] _eventType;
    private int _eventTypeLength;
    private byte[] _lastEventId;
    private int _lastEventIdLength;
    private bool _blockHasId;
    private bool _skipLf;
    private bool _bomPending = true;
    private int _bomMatched;
    private bool _disposed;
    private readonly int _maxEventBytes;

    /// <summary>Creates a parser at the start of a stream, with the default cap (<see cref="DefaultMaxEventBytes"/>).</summary>
    public SseParser()
        : this(DefaultMaxEventBytes)
    {
    }

    /// <summary>Creates a parser at the start of a stream that accepts lines and events up to <paramref name="maxEventBytes"/> bytes.</summary>
    /// <remarks>
    /// Past the cap the parser stops (<see cref="IsOverLimit"/>) and ignores further input, so its buffers never hold
    /// more than the cap: an endless line or event costs bounded memory.
    /// </remarks>
    public SseParser(int maxEventBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEventBytes, 1);
        _maxEventBytes = maxEventBytes;
        _line = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        _data = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        _eventType = ArrayPool<byte>.Shared.Rent(64);
        _lastEventId = ArrayPool<byte>.Shared.Rent(64);
    }

    /// <summary>The reconnection time of the last valid <c>retry</c> field, or null.</summary>
    public long? RetryMilliseconds { get; private set; }

    /// <summary>The persistent last event id (WHATWG <c>lastEventId</c>) as UTF-8.</summary>
    public ReadOnlySpan<byte> LastEventId => _lastEventId.AsSpan(0, _lastEventIdLength);

    /// <summary>The cap of one line and of one event's data (the data lines joined with LF), in bytes.</summary>
    public int MaxEventBytes => _maxEventBytes;

    /// <summary>True once a line or an event's data passed <see cref="MaxEventBytes"/>; the rest of the input is ignored.</summary>
    public bool IsOverLimit { get; private set; }

    /// <summary>True when the input so far ends inside an event: a partial line or data not yet dispatched.</summary>
    public bool HasPendingEvent => _lineLength > 0 || _dataLength > 0;

    /// <summary>Parses <paramref name="input"/>, the next bytes of the stream, dispatching complete events to <paramref name="handler"/>.</summary>
    public void Parse<THandler>(ReadOnlySpan<byte> input, THandler handler)
        where THandler : ISseEventHandler
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsOverLimit)
        {
            return;
        }

        if (_bomPending)
        {
            while (!input.IsEmpty)
            {
                if (input[0] != Bom[_bomMatched])
                {
                    // Not a BOM after all: the bytes held so far are ordinary input.
                    _bomPending = false;
                    ParseLines(Bom[.._bomMatched], handler);
                    break;
                }

                input = input[1..];
                if (++_bomMatched == Bom.Length)
                {
                    _bomPending = false;
                    break;
                }
            }

            if (_bomPending)
            {
                return;
            }
        }

        ParseLines(input, handler);
    }

    /// <summary>Returns the pooled buffers. The parser cannot be used afterwards.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ArrayPool<byte>.Shared.Return(_line);
        ArrayPool<byte>.Shared.Return(_data);
        ArrayPool<byte>.Shared.Return(_eventType);
        ArrayPool<byte>.Shared.Return(_lastEventId);
        _line = _data = _eventType = _lastEventId = [];
    }

    private void ParseLines<THandler>(ReadOnlySpan<byte> input, THandler handler)
        where THandler : ISseEventHandler
    {
        if (_skipLf && !input.IsEmpty)
        {
            // The previous read ended with CR: an LF starting this one belongs to the same CRLF terminator.
            _skipLf = false;
            if (input[0] == (byte)'\n')
            {
                input = input[1..];
            }
        }

        ReadOnlySpan<byte> whole = input;
        while (true)
        {
            int end = input.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                if (_lineLength + (long)input.Length > _maxEventBytes || !Materialize(whole))
                {
                    OverLimit();
                    return;
                }

                if (!input.IsEmpty)
                {
                    Append(ref _line, ref _lineLength, input);
                }

                return;
            }

            if (_lineLength + (long)end > _maxEventBytes)
            {
                OverLimit();
                return;
            }

            if (_lineLength > 0)
            {
                Append(ref _line, ref _lineLength, input[..end]);
                int length = _lineLength;
                _lineLength = 0;
                ProcessLine(_line.AsSpan(0, length), handler, whole, lineInInput: false);
            }
            else
            {
                ProcessLine(input[..end], handler, whole, lineInInput: true);
            }

            if (IsOverLimit)
            {
                return;
            }

            if (input[end] == (byte)'\r')
            {
                if (end + 1 < input.Length)
                {
                    if (input[end + 1] == (byte)'\n')
                    {
                        end++;
                    }
                }
                else
                {
                    _skipLf = true;
                }
            }

            input = input[(end + 1)..];
        }
    }

    private void ProcessLine<THandler>(ReadOnlySpan<byte> line, THandler handler, ReadOnlySpan<byte> whole, bool lineInInput)
        where THandler : ISseEventHandler
    {
        if (line.IsEmpty)
        {
            Dispatch(handler, whole);
            return;
        }

        if (line[0] == (byte)':')
        {
            return;
        }

        ReadOnlySpan<byte> field;
        ReadOnlySpan<byte> value;
        int colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            field = line;
            value = line[line.Length..];
        }
        else
        {
            field = line[..colon];
            value = line[(colon + 1)..];
            if (!value.IsEmpty && value[0] == (byte)' ')
            {
                value = value[1..];
            }
        }

        if (field.SequenceEqual("data"u8))
        {
            if (lineInInput && _dataLength == 0 && _pendingOffset < 0)
            {
                // The common one-line event: keep a reference into the input and dispatch from it without a copy
                // when its blank line arrives in the same input; otherwise it is copied (Materialize).
                _pendingOffset = (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(whole), ref MemoryMarshal.GetReference(value));
                _pendingLength = value.Length;
                return;
            }

            if (!Materialize(whole) || _dataLength + (long)value.Length + 1 > _maxEventBytes)
            {
                OverLimit();
                return;
            }

            EnsureCapacity(ref _data, _dataLength, value.Length + 1);
            value.CopyTo(_data.AsSpan(_dataLength));
            _dataLength += value.Length;
            _data[_dataLength++] = (byte)'\n';
        }
        else if (field.SequenceEqual("event"u8))
        {
            _eventTypeLength = 0;
            Append(ref _eventType, ref _eventTypeLength, value);
        }
        else if (field.SequenceEqual("id"u8))
        {
            if (value.IndexOf((byte)0) < 0)
            {
                _lastEventIdLength = 0;
                Append(ref _lastEventId, ref _lastEventIdLength, value);
                _blockHasId = true;
            }
        }
        else if (field.SequenceEqual("retry"u8))
        {
            ParseRetry(value);
        }
    }

    private void ParseRetry(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return;
        }

        long ms = 0;
        foreach (byte b in value)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return;
            }

            ms = ms < long.MaxValue / 10 ? (ms * 10) + (b - '0') : long.MaxValue;
        }

        RetryMilliseconds = ms;
    }

    private void Dispatch<THandler>(THandler handler, ReadOnlySpan<byte> whole)
        where THandler : ISseEventHandler
    {
        bool hasId = _blockHasId;
        _blockHasId = false;
        ReadOnlySpan<byte> data;
        if (_pendingOffset >= 0)
        {
            data = whole.Slice(_pendingOffset, _pendingLength);
            _pendingOffset = -1;
        }
        else if (_dataLength > 0)
        {
            data = _data.AsSpan(0, _dataLength - 1);
            _dataLength = 0;
        }
        else
        {
            _eventTypeLength = 0;
            return;
        }

        int typeLength = _eventTypeLength;
        _eventTypeLength = 0;
        ReadOnlySpan<byte> type = typeLength == 0 ? MessageType : _eventType.AsSpan(0, typeLength);
        handler.OnEvent(new SseEvent(type, data, hasId, _lastEventId.AsSpan(0, _lastEventIdLength)));
    }

    /// <summary>
    /// Copies a data line still referenced in the input into the data buffer (before the input goes away or more data
    /// is appended); false when that would pass the cap.
    /// </summary>
    private bool Materialize(ReadOnlySpan<byte> whole)
    {
        if (_pendingOffset < 0)
        {
            return true;
        }

        ReadOnlySpan<byte> value = whole.Slice(_pendingOffset, _pendingLength);
        _pendingOffset = -1;
        if (_dataLength + (long)value.Length + 1 > _maxEventBytes)
        {
            return false;
        }

        EnsureCapacity(ref _data, _dataLength, value.Length + 1);
        value.CopyTo(_data.AsSpan(_dataLength));
        _dataLength += value.Length;
        _data[_dataLength++] = (byte)'\n';
        return true;
    }

    /// <summary>Stops the parser: the pending line and event are dropped and later input is ignored.</summary>
    private void OverLimit()
    {
        IsOverLimit = true;
        _lineLength = 0;
        _dataLength = 0;
        _pendingOffset = -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(ref byte[] buffer, ref int length, ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(ref buffer, length, bytes.Length);
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureCapacity(ref byte[] buffer, int length, int extra)
    {
        if (buffer.Length - length < extra)
        {
            Grow(ref buffer, length, extra);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(ref byte[] buffer, int length, int extra)
    {
        // Doubling, but never past the cap (what is appended was checked against it), so a buffer at the cap is
        // exactly the cap and not twice it.
        int size = (int)Math.Max(Math.Min(buffer.Length * 2L, _maxEventBytes), length + (long)extra);
        byte[] bigger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = bigger;
    }
}
