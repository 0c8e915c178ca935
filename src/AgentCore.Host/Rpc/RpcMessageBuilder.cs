using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgentCore.Host.Rpc;

/// <summary>
/// A per-thread reusable buffer and JSON writer for building one outgoing message at a time. The message is
/// built and handed to <see cref="RpcOutput"/> in one synchronous block, so a thread-static instance is safe.
/// </summary>
internal sealed class RpcMessageBuilder
{
    // A buffer that grew past this for one large answer is dropped rather than kept per thread.
    private const int KeepCapacity = 1 << 20;

    [ThreadStatic]
    private static RpcMessageBuilder? t_cached;

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        // The output is a protocol stream, not HTML: only what JSON requires is escaped, so non-ASCII text stays
        // UTF-8 (smaller, and what the reference clients print). Newlines are always escaped: one message per line.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    private RpcMessageBuilder() => _writer = new Utf8JsonWriter(_buffer, s_writerOptions);

    /// <summary>The writer, positioned at the start of an empty message.</summary>
    public Utf8JsonWriter Writer => _writer;

    /// <summary>The message written so far (after <see cref="Utf8JsonWriter.Flush"/>).</summary>
    public ReadOnlySpan<byte> Written
    {
        get
        {
            _writer.Flush();
            return _buffer.WrittenSpan;
        }
    }

    /// <summary>Takes this thread's builder (or a new one).</summary>
    public static RpcMessageBuilder Rent()
    {
        RpcMessageBuilder? b = t_cached;
        if (b is null)
        {
            return new RpcMessageBuilder();
        }

        t_cached = null;
        return b;
    }

    /// <summary>Clears the builder and keeps it for this thread's next message.</summary>
    public void Return()
    {
        _writer.Flush();
        if (_buffer.Capacity > KeepCapacity)
        {
            _buffer = new ArrayBufferWriter<byte>(4096);
            _writer.Reset(_buffer);
        }
        else
        {
            _buffer.ResetWrittenCount();
            _writer.Reset();
        }

        t_cached = this;
    }
}
