using System.Text.Json;

namespace AgentCore.Streaming;

/// <summary>The base of the decoders of event-stream formats: WHATWG framing, one JSON object per event.</summary>
internal abstract class SseStreamDecoder : StreamDecoder, ISseEventHandler
{
    private readonly SseParser _parser;

    private protected SseStreamDecoder(StreamFormat format, IStreamChunkSink sink, StreamDecoderOptions? options)
        : base(format, sink, options) => _parser = new SseParser(Options.MaxEventBytes);

    /// <inheritdoc/>
    void ISseEventHandler.OnEvent(in SseEvent sseEvent)
    {
        if (IsEnded)
        {
            return;
        }

        BeginEvent(sseEvent.Data.Length);
        try
        {
            OnEvent(sseEvent);
        }
        catch (JsonException e)
        {
            FailInvalidJson(e);
        }
    }

    private protected abstract void OnEvent(in SseEvent sseEvent);

    /// <summary>The body ended before the terminator (<paramref name="truncatedEvent"/>: inside an event).</summary>
    private protected abstract void OnEndOfStream(bool truncatedEvent);

    private protected override void PushCore(ReadOnlySpan<byte> bytes)
    {
        _parser.Parse(bytes, this);
        if (_parser.IsOverLimit)
        {
            FailTooLarge();
        }
    }

    private protected override void CompleteCore() => OnEndOfStream(_parser.HasPendingEvent);

    private protected override void DisposeCore() => _parser.Dispose();

    private protected void FailNotAnObject() =>
        Fail("invalid_json", $"the {StreamFormats.Name(Format)} stream has an event whose data is not a JSON object");
}
