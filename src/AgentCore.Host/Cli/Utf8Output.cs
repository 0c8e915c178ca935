using System.Buffers;
using System.Globalization;
using System.Text;

namespace AgentCore.Host.Cli;

/// <summary>
/// Buffered UTF-8 output over a stream, usable both as text output and as an <see cref="IBufferWriter{T}"/>
/// (so a <see cref="AgentCore.Json.JsJsonWriter"/> writes straight into it). Data reaches the stream when the
/// buffer fills or on <see cref="Flush"/>. Not thread-safe.
/// </summary>
/// <remarks>
/// Every write to the stream is checked: the first failure is kept in <see cref="Failure"/>, runs the
/// <c>onFailure</c> callback (the command line cancels the running operation with it) and is thrown as an
/// <see cref="OutputException"/>; after it, buffered bytes are dropped and every further flush throws again, so a
/// loop that writes cannot run on past a closed pipe.
/// </remarks>
internal sealed class Utf8Output(Stream stream, int bufferSize = 1 << 16, Action? onFailure = null) : IBufferWriter<byte>
{
    private byte[] _buffer = new byte[bufferSize];
    private int _count;

    /// <summary>The first failed write to the stream, or null.</summary>
    public IOException? Failure { get; private set; }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (lone surrogates become U+FFFD).</summary>
    public void Write(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            // At most 3 bytes per UTF-16 unit; encode in slices that fit the free space.
            int free = _buffer.Length - _count;
            if (free < 16)
            {
                Flush(flushStream: false);
                free = _buffer.Length;
            }

            int take = Math.Min(text.Length, free / 3);
            if (take < text.Length && char.IsHighSurrogate(text[take - 1]))
            {
                take--; // keep a surrogate pair together
            }

            _count += Encoding.UTF8.GetBytes(text[..take], _buffer.AsSpan(_count));
            text = text[take..];
        }
    }

    /// <summary>Writes one character.</summary>
    public void Write(char c) => Write(new ReadOnlySpan<char>(in c));

    /// <summary>Writes an integer in invariant form.</summary>
    public void Write(long value)
    {
        Span<byte> span = GetSpan(20);
        value.TryFormat(span, out int written, default, CultureInfo.InvariantCulture);
        Advance(written);
    }

    /// <summary>Writes UTF-8 bytes as they are.</summary>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _buffer.Length - _count)
        {
            Flush(flushStream: false);
            if (utf8.Length > _buffer.Length)
            {
                Send(utf8, flushStream: false);
                return;
            }
        }

        utf8.CopyTo(_buffer.AsSpan(_count));
        _count += utf8.Length;
    }

    /// <summary>Sends everything buffered to the stream and flushes the stream.</summary>
    public void Flush() => Flush(flushStream: true);

    /// <inheritdoc />
    public void Advance(int count) => _count += count;

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_count);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_count);
    }

    private void Ensure(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _count >= sizeHint)
        {
            return;
        }

        Flush(flushStream: false);
        if (_buffer.Length < sizeHint)
        {
            _buffer = new byte[Math.Max(sizeHint, _buffer.Length * 2)];
        }
    }

    private void Flush(bool flushStream)
    {
        int count = _count;
        _count = 0;
        Send(_buffer.AsSpan(0, count), flushStream);
    }

    private void Send(ReadOnlySpan<byte> bytes, bool flushStream)
    {
        if (Failure is not null)
        {
            throw new OutputException(Failure);
        }

        try
        {
            if (!bytes.IsEmpty)
            {
                stream.Write(bytes);
            }

            if (flushStream)
            {
                stream.Flush();
            }
        }
        catch (IOException e)
        {
            Failure = e;
            onFailure?.Invoke();
            throw new OutputException(e);
        }
    }
}
