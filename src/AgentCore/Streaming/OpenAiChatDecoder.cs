using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AgentCore.Streaming;

/// <summary>
/// OpenAI Chat Completions streams (and every OpenAI-compatible server): <c>delta.content</c> through the
/// <c>&lt;think&gt;</c> matcher, <c>delta.reasoning_content</c> (DeepSeek-style), <c>delta.tool_calls</c> by index,
/// the usage chunk (one usage chunk after the stream, as the reference yields it), error objects mid-stream,
/// <c>data: [DONE]</c>.
/// </summary>
internal sealed class OpenAiChatDecoder : SseStreamDecoder
{
    private bool _hasUsage;
    private long? _promptTokens;
    private long? _completionTokens;
    private long? _cacheCreationTokens;
    private long? _cacheReadInputTokens;
    private long? _cachedTokens;
    private long? _reasoningTokens;

    public OpenAiChatDecoder(IStreamChunkSink sink, StreamDecoderOptions? options)
        : base(StreamFormat.OpenAiChat, sink, options)
    {
    }

    private protected override void OnEvent(in SseEvent sseEvent)
    {
        ReadOnlySpan<byte> data = sseEvent.Data;
        if (data.SequenceEqual("[DONE]"u8))
        {
            Finish();
            MarkEnded();
            return;
        }

        if (!JsonWalk.TryOpenObject(data, out Utf8JsonReader r))
        {
            FailNotAnObject();
            return;
        }

        // A chunk has no type field, and an error object may follow the choices: one pass over the top level keeps
        // what each kind of chunk needs (the first choice's delta in place, the error object as a reader), then the
        // chunk is dispatched on its kind. Looking for "error" first would read every event twice.
        Delta delta = default;
        Utf8JsonReader error = default;
        bool hasError = false;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("choices"u8))
            {
                ReadChoices(ref r, ref delta);
            }
            else if (r.ValueTextEquals("usage"u8))
            {
                if (JsonWalk.EnterObject(ref r))
                {
                    ReadUsage(ref r);
                }
            }
            else if (r.ValueTextEquals("error"u8))
            {
                r.Read();
                error = r;
                hasError = r.TokenType != JsonTokenType.Null;
                JsonWalk.SkipValue(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        if (hasError)
        {
            OnError(ref error);
        }
        else
        {
            OnDelta(ref delta);
        }
    }

    private void OnDelta(ref Delta delta)
    {
        if (delta.Content.IsTruthy)
        {
            EmitContentThroughMatcher(Decode(delta.Content));
        }

        if (delta.Reasoning.IsTruthy)
        {
            EmitReasoning(Decode(delta.Reasoning));
        }

        if (delta.HasTools)
        {
            EmitToolCalls(ref delta.Tools);
        }
    }

    /// <summary>Only the first choice counts (reference: <c>choices[0]</c>); the others are skipped.</summary>
    /// <remarks>Inlined, as ReadDelta: the per-event path of every OpenAI-compatible stream (measured, docs/performance.md).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReadChoices(ref Utf8JsonReader r, ref Delta delta)
    {
        if (!JsonWalk.EnterArray(ref r))
        {
            return;
        }

        r.Read();
        if (r.TokenType == JsonTokenType.StartObject)
        {
            while (JsonWalk.NextProperty(ref r))
            {
                if (r.ValueTextEquals("delta"u8) && JsonWalk.EnterObject(ref r))
                {
                    ReadDelta(ref r, ref delta);
                }
                else if (r.TokenType == JsonTokenType.PropertyName)
                {
                    JsonWalk.SkipProperty(ref r);
                }
            }

            r.Read();
        }

        while (r.TokenType != JsonTokenType.EndArray)
        {
            JsonWalk.SkipValue(ref r);
            r.Read();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReadDelta(ref Utf8JsonReader r, ref Delta delta)
    {
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("content"u8))
            {
                delta.Content = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("reasoning_content"u8))
            {
                delta.Reasoning = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("tool_calls"u8))
            {
                if (JsonWalk.EnterArray(ref r))
                {
                    delta.Tools = r;
                    delta.HasTools = true;
                    r.Skip();
                }
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }
    }

    private protected override void OnEndOfStream(bool truncatedEvent)
    {
        Finish();
        FailIncomplete("data: [DONE]");
    }

    private void Finish()
    {
        FlushMatcher();
        if (!_hasUsage)
        {
            return;
        }

        // Reference: one usage chunk from the last usage seen (input/output ||0, cache fields ||undefined, no cost).
        long input = _promptTokens ?? 0;
        long output = _completionTokens ?? 0;
        EmitUsage(new UsageFigures(input, output, _cacheCreationTokens, _cacheReadInputTokens ?? _cachedTokens, _reasoningTokens));
        RecordReferenceUsage(input, output, _cacheCreationTokens ?? 0, _cacheReadInputTokens ?? 0, null);
    }

    private void ReadUsage(ref Utf8JsonReader r)
    {
        _hasUsage = true;
        _promptTokens = _completionTokens = _cacheCreationTokens = _cacheReadInputTokens = _cachedTokens = _reasoningTokens = null;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("prompt_tokens"u8))
            {
                _promptTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("completion_tokens"u8))
            {
                _completionTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("cache_creation_input_tokens"u8))
            {
                _cacheCreationTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("cache_read_input_tokens"u8))
            {
                _cacheReadInputTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("prompt_tokens_details"u8))
            {
                if (JsonWalk.EnterObject(ref r))
                {
                    while (JsonWalk.NextProperty(ref r))
                    {
                        if (r.ValueTextEquals("cached_tokens"u8))
                        {
                            _cachedTokens = JsonWalk.ReadInt64(ref r);
                        }
                        else
                        {
                            JsonWalk.SkipProperty(ref r);
                        }
                    }
                }
            }
            else if (r.ValueTextEquals("completion_tokens_details"u8))
            {
                if (JsonWalk.EnterObject(ref r))
                {
                    while (JsonWalk.NextProperty(ref r))
                    {
                        if (r.ValueTextEquals("reasoning_tokens"u8))
                        {
                            _reasoningTokens = JsonWalk.ReadInt64(ref r);
                        }
                        else
                        {
                            JsonWalk.SkipProperty(ref r);
                        }
                    }
                }
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }
    }

    private void EmitToolCalls(ref Utf8JsonReader r)
    {
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            int index = 0;
            RawString id = default;
            RawString name = default;
            RawString arguments = default;
            while (JsonWalk.NextProperty(ref r))
            {
                if (r.ValueTextEquals("index"u8))
                {
                    index = (int)(JsonWalk.ReadInt64(ref r) ?? 0);
                }
                else if (r.ValueTextEquals("id"u8))
                {
                    id = JsonWalk.ReadString(ref r);
                }
                else if (r.ValueTextEquals("function"u8) && JsonWalk.EnterObject(ref r))
                {
                    while (JsonWalk.NextProperty(ref r))
                    {
                        if (r.ValueTextEquals("name"u8))
                        {
                            name = JsonWalk.ReadString(ref r);
                        }
                        else if (r.ValueTextEquals("arguments"u8))
                        {
                            arguments = JsonWalk.ReadString(ref r);
                        }
                        else
                        {
                            JsonWalk.SkipProperty(ref r);
                        }
                    }
                }
                else if (r.TokenType == JsonTokenType.PropertyName)
                {
                    JsonWalk.SkipProperty(ref r);
                }
            }

            EmitToolCall(index, id.Present, Decode(id), name.Present, Decode(name), arguments.Present, Decode(arguments));
        }
    }

    /// <summary>
    /// <c>{"error": {"message", "type", "code"}}</c>, named by its <c>type</c>, else its <c>code</c>; or
    /// <c>{"error": "text"}</c>.
    /// </summary>
    private void OnError(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.String)
        {
            Fail(ProviderError.DefaultName, Decode(RawString.From(ref r)).ToString());
            return;
        }

        ProviderError error = r.TokenType == JsonTokenType.StartObject ? ProviderError.Read(ref r) : default;
        Fail(ProviderError.Name(error.Type, error.Code), error.MessageOrDefault);
    }

    /// <summary>The fields of the first choice's delta, as they sit in the event.</summary>
    private ref struct Delta
    {
        public RawString Content;
        public RawString Reasoning;
        public Utf8JsonReader Tools;
        public bool HasTools;
    }
}
