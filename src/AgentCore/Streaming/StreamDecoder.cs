using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AgentCore.Json;
using AgentCore.Diagnostics;

namespace AgentCore.Streaming;

/// <summary>
/// Decodes one provider response body (a stream of bytes) into the chunk model: <c>text</c>, <c>reasoning</c>,
/// <c>tool_call_partial</c>, <c>usage</c> (additive), <c>error</c>. Create one with <see cref="Create"/>, feed it with
/// <see cref="Push"/> in any split, end it with <see cref="Complete"/>.
/// </summary>
/// <remarks>
/// Malformed input never throws: invalid JSON, a provider error object and a stream that ends before its terminator
/// each produce one final <see cref="StreamChunkType.Error"/> chunk, after which input is ignored. Events are parsed
/// with <see cref="Utf8JsonReader"/> straight from the framing parser's pooled buffer; chunk text is unescaped into a
/// pooled char buffer, so a decoded delta costs no managed allocation. Not thread-safe: one decoder per stream.
/// </remarks>
public abstract class StreamDecoder : IDisposable
{
    private const int ScratchMargin = 64;
    private const int ReadBufferSize = 16 * 1024;

    private readonly IStreamChunkSink _sink;
    private char[] _scratch = ArrayPool<char>.Shared.Rent(1024);
    private int _scratchUsed;
    private ThinkTagMatcher? _matcher;
    private ArrayBufferWriter<byte>? _jsonBytes;
    private JsJsonWriter? _jsonWriter;
    private char[] _jsonChars = [];
    private long _refIn;
    private long _refOut;
    private long _refCacheWrite;
    private long _refCacheRead;
    private double? _refCost;
    private bool _completed;
    private bool _disposed;

    private protected StreamDecoder(StreamFormat format, IStreamChunkSink sink, StreamDecoderOptions? options)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Format = format;
        _sink = sink;
        Options = options ?? StreamDecoderOptions.Default;
    }

    /// <summary>The wire format this decoder reads.</summary>
    public StreamFormat Format { get; }

    /// <summary>The options it was created with.</summary>
    public StreamDecoderOptions Options { get; }

    /// <summary>True once the stream's terminator or an error was seen; later input is ignored.</summary>
    public bool IsEnded { get; private set; }

    /// <summary>True when an error chunk was produced.</summary>
    public bool HasFailed { get; private set; }

    /// <summary>The model id the stream reported, if any.</summary>
    public string? StreamModel { get; private set; }

    /// <summary>Creates a decoder for <paramref name="format"/> that hands its chunks to <paramref name="sink"/>.</summary>
    public static StreamDecoder Create(StreamFormat format, IStreamChunkSink sink, StreamDecoderOptions? options = null) => format switch
    {
        StreamFormat.OpenAiChat => new OpenAiChatDecoder(sink, options),
        StreamFormat.OpenAiResponses => new OpenAiResponsesDecoder(sink, options),
        StreamFormat.Anthropic => new AnthropicDecoder(sink, options),
        StreamFormat.Gemini => new GeminiDecoder(sink, options),
        StreamFormat.Ollama => new OllamaDecoder(sink, options),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Feeds the next bytes of the body. Never throws on malformed input.</summary>
    public void Push(ReadOnlySpan<byte> bytes)
    {
        using ProfileScope scope = Profiler.Scope("stream.decode");
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!IsEnded && !_completed)
        {
            PushCore(bytes);
        }
    }

    /// <summary>Ends the body: flushes pending output; a missing terminator gives an error chunk.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (!IsEnded)
        {
            CompleteCore();
        }
    }

    /// <summary>Reads <paramref name="body"/> to its end into the decoder, then completes it.</summary>
    /// <remarks>I/O errors of the stream propagate; malformed content never throws.</remarks>
    public void ReadToEnd(Stream body)
    {
        ArgumentNullException.ThrowIfNull(body);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        try
        {
            int n;
            while (!IsEnded && (n = body.Read(buffer, 0, buffer.Length)) > 0)
            {
                Push(buffer.AsSpan(0, n));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Complete();
    }

    /// <summary>Reads <paramref name="body"/> asynchronously to its end (or the stream's terminator), then completes the decoder.</summary>
    /// <remarks>Cancellation stops reading at once (<see cref="OperationCanceledException"/>); the decoder is then not completed.</remarks>
    public async ValueTask ReadToEndAsync(Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        try
        {
            int n;
            while (!IsEnded && (n = await body.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                Push(buffer.AsSpan(0, n));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Complete();
    }

    /// <summary>
    /// Ends the stream with an error chunk from outside the body (a transport failure: timeout, lost connection).
    /// Pending output (the <c>&lt;think&gt;</c> matcher's buffer) is not flushed. No effect once the stream has ended.
    /// </summary>
    public void Abort(string error, string message)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!IsEnded)
        {
            Fail(error, message);
        }

        _completed = true;
    }

    /// <summary>
    /// The figures the extension's Task records for this request, from the reference's own chunks and
    /// accumulation rules (Anthropic protocol for <see cref="StreamFormat.Anthropic"/>, OpenAI otherwise).
    /// </summary>
    public TaskUsage GetTaskUsage()
    {
        ModelPricing? pricing = ResolvePricing();
        double? computed = null;
        long tokensIn = _refIn;
        if (Format == StreamFormat.Anthropic)
        {
            tokensIn = _refIn + _refCacheWrite + _refCacheRead;
            if (pricing is not null)
            {
                computed = ApiCost.Anthropic(pricing, _refIn, _refOut, _refCacheWrite, _refCacheRead).TotalCost;
            }
        }
        else if (pricing is not null)
        {
            computed = ApiCost.OpenAi(pricing, _refIn, _refOut, _refCacheWrite, _refCacheRead).TotalCost;
        }

        return new TaskUsage(tokensIn, _refOut, _refCacheWrite, _refCacheRead, _refCost ?? computed);
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        DisposeCore();
        _matcher?.Dispose();
        ArrayPool<char>.Shared.Return(_jsonChars);
        ArrayPool<char>.Shared.Return(_scratch);
        _scratch = [];
        GC.SuppressFinalize(this);
    }

    private protected abstract void PushCore(ReadOnlySpan<byte> bytes);

    private protected abstract void CompleteCore();

    private protected virtual void DisposeCore()
    {
    }

    /// <summary>The prices used for costs: the options', else the known prices of the model, else none (Ollama: free).</summary>
    private protected ModelPricing? ResolvePricing() =>
        Options.Pricing ?? ModelPricing.Find(Options.Model ?? StreamModel) ?? (Format == StreamFormat.Ollama ? ModelPricing.Free : null);

    private protected void SetStreamModel(scoped in RawString model)
    {
        if (StreamModel is null && model.IsTruthy)
        {
            StreamModel = Decode(model).ToString();
        }
    }

    /// <summary>Starts an event of <paramref name="dataLength"/> bytes: every string in it fits the scratch buffer.</summary>
    private protected void BeginEvent(int dataLength)
    {
        _scratchUsed = 0;
        if (_scratch.Length < dataLength + ScratchMargin)
        {
            ArrayPool<char>.Shared.Return(_scratch);
            _scratch = ArrayPool<char>.Shared.Rent(dataLength + ScratchMargin);
        }
    }

    /// <summary>Unescapes a JSON string of the current event; the span is valid until the next event.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected ReadOnlySpan<char> Decode(scoped in RawString s)
    {
        if (_scratch.Length - _scratchUsed < s.Raw.Length)
        {
            return DecodeToNewArray(s);
        }

        int n = JsonStrings.Unescape(s.Raw, _scratch.AsSpan(_scratchUsed));
        ReadOnlySpan<char> result = _scratch.AsSpan(_scratchUsed, n);
        _scratchUsed += n;
        return result;
    }

    /// <summary>Writes <paramref name="prefix"/> then the value of <paramref name="s"/> contiguously.</summary>
    private protected ReadOnlySpan<char> DecodeWithPrefix(string prefix, scoped in RawString s)
    {
        if (_scratch.Length - _scratchUsed < prefix.Length + s.Raw.Length)
        {
            return string.Concat(prefix, DecodeToNewArray(s));
        }

        int start = _scratchUsed;
        prefix.CopyTo(_scratch.AsSpan(start));
        _scratchUsed += prefix.Length;
        int n = JsonStrings.Unescape(s.Raw, _scratch.AsSpan(_scratchUsed));
        _scratchUsed += n;
        return _scratch.AsSpan(start, prefix.Length + n);
    }

    /// <summary>The value at <paramref name="reader"/> as <c>JSON.stringify</c> prints it; valid until the next call.</summary>
    private protected ReadOnlySpan<char> Stringify(ref Utf8JsonReader reader)
    {
        _jsonBytes ??= new ArrayBufferWriter<byte>(256);
        _jsonBytes.ResetWrittenCount();
        _jsonWriter ??= new JsJsonWriter(_jsonBytes);
        _jsonWriter.Reset();
        JsonCanonicalizer.WriteValue(ref reader, _jsonWriter);
        ReadOnlySpan<byte> utf8 = _jsonBytes.WrittenSpan;
        if (_jsonChars.Length < utf8.Length)
        {
            ArrayPool<char>.Shared.Return(_jsonChars);
            _jsonChars = ArrayPool<char>.Shared.Rent(utf8.Length);
        }

        int n = Encoding.UTF8.GetChars(utf8, _jsonChars);
        return _jsonChars.AsSpan(0, n);
    }

    private protected void EmitText(scoped ReadOnlySpan<char> text) => _sink.OnChunk(StreamChunk.ForText(text));

    private protected void EmitReasoning(scoped ReadOnlySpan<char> text) => _sink.OnChunk(StreamChunk.ForReasoning(text));

    private protected void EmitUsage(UsageFigures usage) => _sink.OnChunk(StreamChunk.ForUsage(usage));

    private protected void EmitToolCall(
        int index, bool hasId, scoped ReadOnlySpan<char> id, bool hasName, scoped ReadOnlySpan<char> name, bool hasArguments, scoped ReadOnlySpan<char> arguments) =>
        _sink.OnChunk(StreamChunk.ForToolCall(index, hasId, id, hasName, name, hasArguments, arguments));

    /// <summary>Passes content through the <c>&lt;think&gt;</c> matcher (reference XmlMatcher("think")).</summary>
    private protected void EmitContentThroughMatcher(scoped ReadOnlySpan<char> content)
    {
        _matcher ??= new ThinkTagMatcher();
        if (_matcher.IsPassThrough)
        {
            EmitText(content);
            return;
        }

        _matcher.Update(content);
        EmitMatcherSegments(_matcher);
    }

    /// <summary>Flushes the matcher (reference <c>matcher.final()</c>).</summary>
    private protected void FlushMatcher()
    {
        if (_matcher is null)
        {
            return;
        }

        _matcher.Final();
        EmitMatcherSegments(_matcher);
    }

    /// <summary>Adds one reference usage chunk to the task figures (totalCost is overwritten, even with null).</summary>
    private protected void RecordReferenceUsage(long input, long output, long cacheWrite, long cacheRead, double? totalCost)
    {
        _refIn += input;
        _refOut += output;
        _refCacheWrite += cacheWrite;
        _refCacheRead += cacheRead;
        _refCost = totalCost;
    }

    private protected void MarkEnded() => IsEnded = true;

    /// <summary>Produces the final error chunk and ends the stream.</summary>
    private protected void Fail(string error, string message)
    {
        if (HasFailed)
        {
            return;
        }

        HasFailed = true;
        IsEnded = true;
        _sink.OnChunk(StreamChunk.ForError(error, message));
    }

    private protected void FailInvalidJson(JsonException e) =>
        Fail("invalid_json", $"the {StreamFormats.Name(Format)} stream has an event that is not valid JSON ({e.Message})");

    private protected void FailIncomplete(string terminator) =>
        Fail("stream_incomplete", $"the {StreamFormats.Name(Format)} stream ended before {terminator}: the response is incomplete");

    private void EmitMatcherSegments(ThinkTagMatcher matcher)
    {
        for (int i = 0; i < matcher.SegmentCount; i++)
        {
            ReadOnlySpan<char> data = matcher.GetSegment(i, out bool matched);
            _sink.OnChunk(matched ? StreamChunk.ForReasoning(data) : StreamChunk.ForText(data));
        }
    }

    private static string DecodeToNewArray(scoped in RawString s)
    {
        char[] tmp = new char[s.Raw.Length];
        int n = JsonStrings.Unescape(s.Raw, tmp);
        return new string(tmp, 0, n);
    }
}
