using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace AgentCore.Host.Rpc;

/// <summary>
/// Reads framed JSON-RPC messages from a byte stream: newline-delimited, or LSP <c>Content-Length</c> framing,
/// detected from the first non-blank bytes. Memory is bounded: a message longer than the cap is skipped as it
/// streams past (never buffered whole) and reported as <see cref="RpcReadStatus.TooLarge"/>.
/// </summary>
/// <remarks>Not thread-safe: one reader loop owns it. A returned message is valid until the next call.</remarks>
internal sealed class RpcMessageReader : IDisposable
{
    /// <summary>The default message cap (64 MiB).</summary>
    public const int DefaultMaxMessageBytes = 64 << 20;

    /// <summary>The cap on one Content-Length header section.</summary>
    public const int MaxHeaderBytes = 8 << 10;

    private const int ReadBufferSize = 64 << 10;

    private readonly Stream _input;
    private readonly int _maxMessageBytes;
    private readonly byte[] _buffer = new byte[ReadBufferSize];
    private int _start;
    private int _end;
    private bool _eof;
    private byte[] _message = [];
    private int _messageLength;

    /// <summary>Creates a reader over <paramref name="input"/> with the given message cap.</summary>
    public RpcMessageReader(Stream input, int maxMessageBytes = DefaultMaxMessageBytes)
    {
        _input = input;
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>The framing detected from the first message (<see cref="RpcFraming.Unknown"/> until then).</summary>
    public RpcFraming Framing { get; private set; }

    /// <summary>The message cap in bytes.</summary>
    public int MaxMessageBytes => _maxMessageBytes;

    /// <summary>Reads the next message, blocking until it is complete or the input ends.</summary>
    public RpcReadStatus Read(out ReadOnlyMemory<byte> message)
    {
        message = default;
        if (Framing == RpcFraming.Unknown && !Detect())
        {
            return RpcReadStatus.End;
        }

        return Framing == RpcFraming.Lines ? ReadLine(out message) : ReadContentLength(out message);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_message.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_message);
            _message = [];
        }
    }

    // Skips blank bytes and looks at the first ones: "Content-" (any case) starts LSP framing, anything else is a line.
    private bool Detect()
    {
        while (true)
        {
            while (_start < _end && IsBlank(_buffer[_start]))
            {
                _start++;
            }

            if (_end - _start >= 8 || (_eof && _start < _end))
            {
                ReadOnlySpan<byte> head = _buffer.AsSpan(_start, Math.Min(8, _end - _start));
                Framing = head.Length == 8 && Ascii.EqualsIgnoreCase(head, "content-"u8) ? RpcFraming.ContentLength : RpcFraming.Lines;
                return true;
            }

            if (_start < _end && (_buffer[_start] == (byte)'{' || _buffer[_start] == (byte)'['))
            {
                Framing = RpcFraming.Lines;
                return true;
            }

            if (_eof)
            {
                return false;
            }

            Fill();
        }
    }

    private RpcReadStatus ReadLine(out ReadOnlyMemory<byte> message)
    {
        message = default;
        _messageLength = 0;
        bool skipping = false;
        while (true)
        {
            int nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                int lineStart = _start;
                _start += nl + 1;
                if (skipping)
                {
                    return RpcReadStatus.TooLarge;
                }

                ReadOnlyMemory<byte> line;
                if (_messageLength == 0)
                {
                    // The common case: the whole line is in the read buffer; no copy.
                    line = _buffer.AsMemory(lineStart, nl);
                }
                else
                {
                    if (!Append(_buffer.AsSpan(lineStart, nl)))
                    {
                        _messageLength = 0;
                        return RpcReadStatus.TooLarge;
                    }

                    line = _message.AsMemory(0, _messageLength);
                    _messageLength = 0;
                }

                line = Trim(line);
                if (line.IsEmpty)
                {
                    continue;
                }

                if (line.Length > _maxMessageBytes)
                {
                    return RpcReadStatus.TooLarge;
                }

                message = line;
                return RpcReadStatus.Message;
            }

            if (!skipping && !Append(_buffer.AsSpan(_start, _end - _start)))
            {
                skipping = true;
                _messageLength = 0;
            }

            _start = _end;
            if (_eof)
            {
                if (skipping)
                {
                    return RpcReadStatus.TooLarge;
                }

                ReadOnlyMemory<byte> last = Trim(_message.AsMemory(0, _messageLength));
                _messageLength = 0;
                if (last.IsEmpty)
                {
                    return RpcReadStatus.End;
                }

                message = last;
                return RpcReadStatus.Message;
            }

            Fill();
        }
    }

    private RpcReadStatus ReadContentLength(out ReadOnlyMemory<byte> message)
    {
        message = default;
        long length = -1;
        int headerBytes = 0;
        bool anyHeader = false;
        bool bad = false;
        while (true)
        {
            // One header line.
            int nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl < 0)
            {
                if (_eof)
                {
                    bool rest = !Trim(_buffer.AsMemory(_start, _end - _start)).IsEmpty;
                    _start = _end;
                    return anyHeader || bad || rest ? RpcReadStatus.BadHeader : RpcReadStatus.End;
                }

                if (_end - _start + headerBytes > MaxHeaderBytes)
                {
                    // A header line longer than the whole header cap: drop it and report once.
                    headerBytes += _end - _start;
                    _start = _end;
                    bad = true;
                }

                Fill();
                continue;
            }

            ReadOnlySpan<byte> line = _buffer.AsSpan(_start, nl);
            _start += nl + 1;
            headerBytes += nl + 1;
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                if (!anyHeader && !bad)
                {
                    continue; // blank lines between messages
                }

                break;
            }

            anyHeader = true;
            if (headerBytes > MaxHeaderBytes)
            {
                bad = true;
                continue;
            }

            int colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                bad = true;
                continue;
            }

            if (Ascii.EqualsIgnoreCase(line[..colon].Trim((byte)' '), "content-length"u8))
            {
                ReadOnlySpan<byte> value = line[(colon + 1)..].Trim((byte)' ');
                if (!Utf8Parser.TryParse(value, out long n, out int used) || used != value.Length || n < 0)
                {
                    bad = true;
                    continue;
                }

                length = n;
            }
        }

        if (bad || length < 0)
        {
            if (length > 0)
            {
                Skip(length); // the length is known: stay in step with the stream
            }

            return RpcReadStatus.BadHeader;
        }

        if (length > _maxMessageBytes)
        {
            Skip(length);
            return RpcReadStatus.TooLarge;
        }

        int len = (int)length;
        if (_end - _start >= len)
        {
            message = _buffer.AsMemory(_start, len);
            _start += len;
            return RpcReadStatus.Message;
        }

        _messageLength = 0;
        while (_messageLength < len)
        {
            if (_start == _end)
            {
                if (_eof)
                {
                    return RpcReadStatus.End; // the stream ended inside a message
                }

                Fill();
                continue;
            }

            int take = Math.Min(len - _messageLength, _end - _start);
            Append(_buffer.AsSpan(_start, take));
            _start += take;
        }

        message = _message.AsMemory(0, len);
        _messageLength = 0;
        return RpcReadStatus.Message;
    }

    private void Skip(long count)
    {
        while (count > 0)
        {
            if (_start == _end)
            {
                if (_eof)
                {
                    return;
                }

                Fill();
                continue;
            }

            int take = (int)Math.Min(count, _end - _start);
            _start += take;
            count -= take;
        }
    }

    // Appends to the message buffer; false when that would pass the cap.
    private bool Append(ReadOnlySpan<byte> bytes)
    {
        int needed = _messageLength + bytes.Length;
        if (needed > _maxMessageBytes + 1)
        {
            return false; // +1: a trailing '\r' of a line exactly at the cap is still allowed
        }

        if (needed > _message.Length)
        {
            int size = (int)Math.Min(Math.Max((long)needed, Math.Max(_message.Length * 2L, 4096)), _maxMessageBytes + 1L);
            byte[] grown = ArrayPool<byte>.Shared.Rent(size);
            _message.AsSpan(0, _messageLength).CopyTo(grown);
            if (_message.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_message);
            }

            _message = grown;
        }

        bytes.CopyTo(_message.AsSpan(_messageLength));
        _messageLength = needed;
        return true;
    }

    private void Fill()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_start > 0 && _end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // Full buffer without a delimiter: callers consume it (append or skip) before filling again.
            return;
        }

        int n = _input.Read(_buffer, _end, _buffer.Length - _end);
        if (n <= 0)
        {
            _eof = true;
        }
        else
        {
            _end += n;
        }
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line)
    {
        ReadOnlySpan<byte> s = line.Span;
        int a = 0;
        int b = s.Length;
        while (a < b && IsBlank(s[a]))
        {
            a++;
        }

        while (b > a && IsBlank(s[b - 1]))
        {
            b--;
        }

        return line[a..b];
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
