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

        RawString content = default;
        RawString reasoning = default;
        Utf8JsonReader tools = default;
        bool hasTools = false;
        Utf8JsonReader error = default;
        bool hasError = false;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("choices"u8))
            {
                if (!JsonWalk.EnterArray(ref r))
                {
                    continue;
                }

                r.Read();
                if (r.TokenType == JsonTokenType.StartObject)
                {
                    // Only the first choice counts (reference: choices[0]).
                    while (JsonWalk.NextProperty(ref r))
                    {
                        if (!r.ValueTextEquals("delta"u8))
                        {
                            JsonWalk.SkipProperty(ref r);
                            continue;
                        }

                        if (!JsonWalk.EnterObject(ref r))
                        {
                            continue;
                        }

                        while (JsonWalk.NextProperty(ref r))
                        {
                            if (r.ValueTextEquals("content"u8))
                            {
                                content = JsonWalk.ReadString(ref r);
                            }
                            else if (r.ValueTextEquals("reasoning_content"u8))
                            {
                                reasoning = JsonWalk.ReadString(ref r);
                            }
                            else if (r.ValueTextEquals("tool_calls"u8))
                            {
                                if (JsonWalk.EnterArray(ref r))
                                {
                                    tools = r;
                                    hasTools = true;
                                    r.Skip();
                                }
                            }
                            else
                            {
                                JsonWalk.SkipProperty(ref r);
                            }
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
            ReportError(ref error);
            return;
        }

        if (content.IsTruthy)
        {
            EmitContentThroughMatcher(Decode(content));
        }

        if (reasoning.IsTruthy)
        {
            EmitReasoning(Decode(reasoning));
        }

        if (hasTools)
        {
            EmitToolCalls(ref tools);
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

    private void ReportError(ref Utf8JsonReader r)
    {
        // {"error": {"message": "...", "type": "server_error", "code": ...}} or {"error": "text"}.
        if (r.TokenType == JsonTokenType.String)
        {
            Fail("api_error", Decode(RawString.From(ref r)).ToString());
            return;
        }

        RawString message = default;
        RawString type = default;
        RawString code = default;
        if (r.TokenType == JsonTokenType.StartObject)
        {
            while (JsonWalk.NextProperty(ref r))
            {
                if (r.ValueTextEquals("message"u8))
                {
                    message = JsonWalk.ReadString(ref r);
                }
                else if (r.ValueTextEquals("type"u8))
                {
                    type = JsonWalk.ReadString(ref r);
                }
                else if (r.ValueTextEquals("code"u8))
                {
                    code = JsonWalk.ReadString(ref r);
                }
                else
                {
                    JsonWalk.SkipProperty(ref r);
                }
            }
        }

        string error = type.IsTruthy ? Decode(type).ToString() : code.IsTruthy ? Decode(code).ToString() : "api_error";
        Fail(error, message.Present ? Decode(message).ToString() : "the provider reported an error in the stream");
    }
}
