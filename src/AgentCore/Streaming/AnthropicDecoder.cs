using System.Text.Json;

namespace AgentCore.Streaming;

/// <summary>
/// Anthropic Messages streams: <c>message_start</c> usage, text/thinking blocks (a <c>"\n"</c> chunk before every
/// block after the first, as the reference yields it), <c>tool_use</c> + <c>input_json_delta</c>, cumulative
/// <c>message_delta</c> usage turned into increments, <c>ping</c>, <c>signature_delta</c>, <c>error</c> events, and the
/// reference's final cost chunk.
/// </summary>
internal sealed class AnthropicDecoder : SseStreamDecoder
{
    // Running provider totals (message_start, then the cumulative message_delta figures).
    private long _in;
    private long _out;
    private long _cacheWrite;
    private long _cacheRead;

    // What the reference's local totals hold: message_start's figures only.
    private long _startIn;
    private long _startOut;
    private long _startCacheWrite;
    private long _startCacheRead;
    private bool _costEmitted;

    public AnthropicDecoder(IStreamChunkSink sink, StreamDecoderOptions? options)
        : base(StreamFormat.Anthropic, sink, options)
    {
    }

    private protected override void OnEvent(in SseEvent sseEvent)
    {
        ReadOnlySpan<byte> data = sseEvent.Data;
        RawString typeField = JsonWalk.FindTopLevelString(data, "type"u8);
        ReadOnlySpan<byte> type = typeField.Present ? typeField.Raw : sseEvent.EventType;
        if (!JsonWalk.TryOpenObject(data, out Utf8JsonReader r))
        {
            FailNotAnObject();
            return;
        }

        if (type.SequenceEqual("content_block_delta"u8))
        {
            OnBlockDelta(ref r);
        }
        else if (type.SequenceEqual("content_block_start"u8))
        {
            OnBlockStart(ref r);
        }
        else if (type.SequenceEqual("message_delta"u8))
        {
            OnMessageDelta(ref r);
        }
        else if (type.SequenceEqual("message_start"u8))
        {
            OnMessageStart(ref r);
        }
        else if (type.SequenceEqual("message_stop"u8))
        {
            EmitFinalCost();
            MarkEnded();
        }
        else if (type.SequenceEqual("error"u8))
        {
            OnError(ref r);
        }
        else
        {
            // ping, content_block_stop and future event types carry nothing for the chunk model; still validate.
            r.Skip();
        }
    }

    private protected override void OnEndOfStream(bool truncatedEvent)
    {
        // The reference yields its cost chunk after the loop, whatever ended it.
        EmitFinalCost();
        FailIncomplete("message_stop");
    }

    private void OnBlockDelta(ref Utf8JsonReader r)
    {
        int index = 0;
        RawString deltaType = default;
        RawString text = default;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("index"u8))
            {
                index = (int)(JsonWalk.ReadInt64(ref r) ?? 0);
            }
            else if (r.ValueTextEquals("delta"u8) && JsonWalk.EnterObject(ref r))
            {
                while (JsonWalk.NextProperty(ref r))
                {
                    if (r.ValueTextEquals("type"u8))
                    {
                        deltaType = JsonWalk.ReadString(ref r);
                    }
                    else if (r.ValueTextEquals("text"u8) || r.ValueTextEquals("thinking"u8) || r.ValueTextEquals("partial_json"u8))
                    {
                        text = JsonWalk.ReadString(ref r);
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

        if (deltaType.Is("text_delta"u8))
        {
            EmitText(Decode(text));
        }
        else if (deltaType.Is("thinking_delta"u8))
        {
            EmitReasoning(Decode(text));
        }
        else if (deltaType.Is("input_json_delta"u8))
        {
            EmitToolCall(index, false, default, false, default, true, Decode(text));
        }
    }

    private void OnBlockStart(ref Utf8JsonReader r)
    {
        int index = 0;
        RawString blockType = default;
        RawString text = default;
        RawString id = default;
        RawString name = default;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("index"u8))
            {
                index = (int)(JsonWalk.ReadInt64(ref r) ?? 0);
            }
            else if (r.ValueTextEquals("content_block"u8) && JsonWalk.EnterObject(ref r))
            {
                while (JsonWalk.NextProperty(ref r))
                {
                    if (r.ValueTextEquals("type"u8))
                    {
                        blockType = JsonWalk.ReadString(ref r);
                    }
                    else if (r.ValueTextEquals("text"u8) || r.ValueTextEquals("thinking"u8))
                    {
                        text = JsonWalk.ReadString(ref r);
                    }
                    else if (r.ValueTextEquals("id"u8))
                    {
                        id = JsonWalk.ReadString(ref r);
                    }
                    else if (r.ValueTextEquals("name"u8))
                    {
                        name = JsonWalk.ReadString(ref r);
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

        if (blockType.Is("text"u8))
        {
            if (index > 0)
            {
                EmitText("\n");
            }

            EmitText(Decode(text));
        }
        else if (blockType.Is("thinking"u8))
        {
            if (index > 0)
            {
                EmitReasoning("\n");
            }

            EmitReasoning(Decode(text));
        }
        else if (blockType.Is("tool_use"u8))
        {
            EmitToolCall(index, id.Present, Decode(id), name.Present, Decode(name), false, default);
        }
    }

    private void OnMessageStart(ref Utf8JsonReader r)
    {
        while (JsonWalk.NextProperty(ref r))
        {
            if (!r.ValueTextEquals("message"u8) || !JsonWalk.EnterObject(ref r))
            {
                if (r.TokenType == JsonTokenType.PropertyName)
                {
                    JsonWalk.SkipProperty(ref r);
                }

                continue;
            }

            while (JsonWalk.NextProperty(ref r))
            {
                if (r.ValueTextEquals("model"u8))
                {
                    RawString model = JsonWalk.ReadString(ref r);
                    SetStreamModel(model);
                }
                else if (r.ValueTextEquals("usage"u8) && JsonWalk.EnterObject(ref r))
                {
                    ReadUsage(ref r, out long? input, out long? output, out long? cacheWrite, out long? cacheRead);
                    _in = _startIn = input ?? 0;
                    _out = _startOut = output ?? 0;
                    _cacheWrite = _startCacheWrite = cacheWrite ?? 0;
                    _cacheRead = _startCacheRead = cacheRead ?? 0;
                    EmitUsage(new UsageFigures(_in, _out, cacheWrite, cacheRead));
                    RecordReferenceUsage(_in, _out, _cacheWrite, _cacheRead, null);
                }
                else if (r.TokenType == JsonTokenType.PropertyName)
                {
                    JsonWalk.SkipProperty(ref r);
                }
            }
        }
    }

    private void OnMessageDelta(ref Utf8JsonReader r)
    {
        while (JsonWalk.NextProperty(ref r))
        {
            if (!r.ValueTextEquals("usage"u8) || !JsonWalk.EnterObject(ref r))
            {
                if (r.TokenType == JsonTokenType.PropertyName)
                {
                    JsonWalk.SkipProperty(ref r);
                }

                continue;
            }

            // message_delta usage is cumulative: the chunk carries the increase over what was already reported.
            ReadUsage(ref r, out long? input, out long? output, out long? cacheWrite, out long? cacheRead);
            long dIn = Increase(ref _in, input);
            long dOut = Increase(ref _out, output);
            long dCacheWrite = Increase(ref _cacheWrite, cacheWrite);
            long dCacheRead = Increase(ref _cacheRead, cacheRead);
            EmitUsage(new UsageFigures(dIn, dOut, dCacheWrite > 0 ? dCacheWrite : null, dCacheRead > 0 ? dCacheRead : null));
            if (Options.Fixes)
            {
                RecordReferenceUsage(dIn, dOut, dCacheWrite, dCacheRead, null);
            }
            else
            {
                // Reference: {inputTokens: 0, outputTokens: usage.output_tokens || 0}, the cumulative count.
                RecordReferenceUsage(0, output ?? 0, 0, 0, null);
            }
        }
    }

    private void EmitFinalCost()
    {
        if (_costEmitted)
        {
            return;
        }

        _costEmitted = true;
        if (_startIn <= 0 && _startOut <= 0 && _startCacheWrite <= 0 && _startCacheRead <= 0)
        {
            return;
        }

        ModelPricing? pricing = ResolvePricing();
        if (pricing is null)
        {
            return;
        }

        // Reference: the cost of message_start's figures only (its output count is typically 1).
        // Fixes: the cost of the provider's final figures.
        double cost = Options.Fixes
            ? ApiCost.Anthropic(pricing, _in, _out, _cacheWrite, _cacheRead).TotalCost
            : ApiCost.Anthropic(pricing, _startIn, _startOut, _startCacheWrite, _startCacheRead).TotalCost;
        EmitUsage(new UsageFigures(0, 0, TotalCost: cost));
        RecordReferenceUsage(0, 0, 0, 0, cost);
    }

    /// <summary><c>{"type": "error", "error": {"type", "message"}}</c>, named by the error's <c>type</c>.</summary>
    private void OnError(ref Utf8JsonReader r)
    {
        ProviderError error = default;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("error"u8) && JsonWalk.EnterObject(ref r))
            {
                error = ProviderError.Read(ref r);
            }
            else if (r.TokenType == JsonTokenType.PropertyName)
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        Fail(ProviderError.Name(error.Type), error.MessageOrDefault);
    }

    private static long Increase(ref long total, long? cumulative)
    {
        if (cumulative is not long value || value <= total)
        {
            return 0;
        }

        long delta = value - total;
        total = value;
        return delta;
    }

    private static void ReadUsage(ref Utf8JsonReader r, out long? input, out long? output, out long? cacheWrite, out long? cacheRead)
    {
        input = output = cacheWrite = cacheRead = null;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("input_tokens"u8))
            {
                input = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("output_tokens"u8))
            {
                output = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("cache_creation_input_tokens"u8))
            {
                cacheWrite = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("cache_read_input_tokens"u8))
            {
                cacheRead = JsonWalk.ReadInt64(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }
    }
}
