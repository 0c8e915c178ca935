using System.Buffers.Text;

namespace AgentCore.Host.Rpc;

/// <summary>
/// Writes whole messages to the output stream in the connection's framing, one writer at a time. Writes are
/// buffered and flushed as soon as no other message is waiting, so a burst of answers costs few system calls
/// and a lone answer is never held back.
/// </summary>
/// <remarks>Thread-safe. A failed write (the client closed its end) marks the output broken; later writes are dropped.</remarks>
internal sealed class RpcOutput(Stream stream)
{
    private const int BufferSize = 64 << 10;

    private readonly Lock _lock = new();
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _count;
    private int _waiting;

    /// <summary>The framing to write in (set from the first message read).</summary>
    public RpcFraming Framing { get; set; } = RpcFraming.Lines;

    /// <summary>True once a write failed; the server then stops.</summary>
    public bool Broken { get; private set; }

    /// <summary>The first failed write's error (null when none failed, or the stream was closed under it).</summary>
    public IOException? Failure { get; private set; }

    /// <summary>Raised (once) when a write fails.</summary>
    public event Action? OnBroken;

    /// <summary>Writes one message (a complete JSON value without newlines).</summary>
    public void Write(ReadOnlySpan<byte> json)
    {
        Interlocked.Increment(ref _waiting);
        bool broke = false;
        lock (_lock)
        {
            try
            {
                if (!Broken)
                {
                    if (Framing == RpcFraming.ContentLength)
                    {
                        Span<byte> header = stackalloc byte[40];
                        "Content-Length: "u8.CopyTo(header);
                        Utf8Formatter.TryFormat(json.Length, header[16..], out int digits);
                        "\r\n\r\n"u8.CopyTo(header[(16 + digits)..]);
                        Append(header[..(20 + digits)]);
                        Append(json);
                    }
                    else
                    {
                        Append(json);
                        Append("\n"u8);
                    }
                }
            }
            catch (IOException e)
            {
                broke = MarkBroken(e);
            }
            catch (ObjectDisposedException)
            {
                broke = MarkBroken(null);
            }
            finally
            {
                if (Interlocked.Decrement(ref _waiting) == 0 && !Broken)
                {
                    try
                    {
                        FlushCore();
                    }
                    catch (IOException e)
                    {
                        broke = MarkBroken(e);
                    }
                    catch (ObjectDisposedException)
                    {
                        broke = MarkBroken(null);
                    }
                }
            }
        }

        if (broke)
        {
            OnBroken?.Invoke();
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _count)
        {
            FlushCore();
            if (bytes.Length > _buffer.Length)
            {
                stream.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;
    }

    private void FlushCore()
    {
        if (_count > 0)
        {
            int n = _count;
            _count = 0;
            stream.Write(_buffer, 0, n);
        }

        stream.Flush();
    }

    private bool MarkBroken(IOException? failure)
    {
        _count = 0;
        if (Broken)
        {
            return false;
        }

        Failure = failure;
        Broken = true;
        return true;
    }
}
