using System.Text.Json;

namespace AgentCore.Streaming;

/// <summary>
/// Gemini <c>streamGenerateContent?alt=sse</c> streams: parts of the first candidate (<c>thought</c> parts as
/// reasoning, text, whole <c>functionCall</c>s), the last <c>usageMetadata</c> as one usage chunk after the stream,
/// <c>{"error": …}</c> objects. Gemini has no terminator event: a stream whose last candidate never reported a
/// <c>finishReason</c> is incomplete.
/// </summary>
internal sealed class GeminiDecoder : SseStreamDecoder
{
    private int _toolCallCounter;
    private bool _sawFinish;
    private bool _hasUsage;
    private long? _promptTokens;
    private long? _candidatesTokens;
    private long? _cachedTokens;
    private long? _thoughtsTokens;

    public GeminiDecoder(IStreamChunkSink sink, StreamDecoderOptions? options)
        : base(StreamFormat.Gemini, sink, options)
    {
    }

    private protected override void OnEvent(in SseEvent sseEvent)
    {
        if (!JsonWalk.TryOpenObject(sseEvent.Data, out Utf8JsonReader r))
        {
            FailNotAnObject();
            return;
        }

        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("candidates"u8))
            {
                if (!JsonWalk.EnterArray(ref r))
                {
                    continue;
                }

                r.Read();
                if (r.TokenType == JsonTokenType.StartObject)
                {
                    OnCandidate(ref r);
                    r.Read();
                }

                while (r.TokenType != JsonTokenType.EndArray)
                {
                    JsonWalk.SkipValue(ref r);
                    r.Read();
                }
            }
            else if (r.ValueTextEquals("usageMetadata"u8))
            {
                if (JsonWalk.EnterObject(ref r))
                {
                    ReadUsage(ref r);
                }
            }
            else if (r.ValueTextEquals("modelVersion"u8))
            {
                RawString model = JsonWalk.ReadString(ref r);
                SetStreamModel(model);
            }
            else if (r.ValueTextEquals("promptFeedback"u8))
            {
                if (JsonWalk.EnterObject(ref r))
                {
                    RawString blockReason = default;
                    while (JsonWalk.NextProperty(ref r))
                    {
                        if (r.ValueTextEquals("blockReason"u8))
                        {
                            blockReason = JsonWalk.ReadString(ref r);
                        }
                        else
                        {
                            JsonWalk.SkipProperty(ref r);
                        }
                    }

                    if (blockReason.IsTruthy)
                    {
                        Fail("prompt_blocked", $"Gemini blocked the prompt ({Decode(blockReason).ToString()})");
                        return;
                    }
                }
            }
            else if (r.ValueTextEquals("error"u8))
            {
                if (JsonWalk.EnterObject(ref r))
                {
                    OnError(ref r);
                    return;
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
        if (_hasUsage)
        {
            long input = _promptTokens ?? 0;
            long output = _candidatesTokens ?? 0;
            EmitUsage(new UsageFigures(input, output, null, _cachedTokens, _thoughtsTokens));
            RecordReferenceUsage(input, output, 0, _cachedTokens ?? 0, null);
        }

        if (truncatedEvent || !_sawFinish)
        {
            FailIncomplete("a candidate with a finishReason");
        }
        else
        {
            MarkEnded();
        }
    }

    private void OnCandidate(ref Utf8JsonReader r)
    {
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("finishReason"u8))
            {
                RawString reason = JsonWalk.ReadString(ref r);
                _sawFinish |= reason.IsTruthy;
            }
            else if (r.ValueTextEquals("content"u8) && JsonWalk.EnterObject(ref r))
            {
                while (JsonWalk.NextProperty(ref r))
                {
                    if (r.ValueTextEquals("parts"u8) && JsonWalk.EnterArray(ref r))
                    {
                        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
                        {
                            OnPart(ref r);
                        }
                    }
                    else if (r.TokenType == JsonTokenType.PropertyName)
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
    }

    private void OnPart(ref Utf8JsonReader r)
    {
        RawString text = default;
        bool thought = false;
        Utf8JsonReader call = default;
        bool hasCall = false;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("text"u8))
            {
                text = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("thought"u8))
            {
                thought = JsonWalk.ReadTrue(ref r);
            }
            else if (r.ValueTextEquals("functionCall"u8))
            {
                hasCall = JsonWalk.CaptureObject(ref r, out call);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        if (thought)
        {
            if (text.IsTruthy)
            {
                EmitReasoning(Decode(text));
            }
        }
        else if (hasCall)
        {
            OnFunctionCall(ref call);
        }
        else if (text.IsTruthy)
        {
            EmitText(Decode(text));
        }
    }

    private void OnFunctionCall(ref Utf8JsonReader r)
    {
        RawString name = default;
        RawString id = default;
        Utf8JsonReader args = default;
        bool hasArgs = false;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("name"u8))
            {
                name = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("id"u8))
            {
                id = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("args"u8))
            {
                r.Read();
                args = r;
                hasArgs = true;
                JsonWalk.SkipValue(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        // A whole call per part: one chunk with its name and JSON.stringify(args).
        ReadOnlySpan<char> idText = Decode(id);
        ReadOnlySpan<char> nameText = Decode(name);
        ReadOnlySpan<char> argsText = hasArgs ? Stringify(ref args) : default;
        EmitToolCall(_toolCallCounter++, id.Present, idText, name.Present, nameText, hasArgs, argsText);
    }

    private void ReadUsage(ref Utf8JsonReader r)
    {
        _hasUsage = true;
        _promptTokens = _candidatesTokens = _cachedTokens = _thoughtsTokens = null;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("promptTokenCount"u8))
            {
                _promptTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("candidatesTokenCount"u8))
            {
                _candidatesTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("cachedContentTokenCount"u8))
            {
                _cachedTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("thoughtsTokenCount"u8))
            {
                _thoughtsTokens = JsonWalk.ReadInt64(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }
    }

    /// <summary><c>{"error": {"code", "message", "status"}}</c>, named by its <c>status</c>, else its numeric <c>code</c>.</summary>
    private void OnError(ref Utf8JsonReader r)
    {
        ProviderError error = ProviderError.Read(ref r);
        Fail(ProviderError.Name(error.Status, error.NumericCode?.ToString(System.Globalization.CultureInfo.InvariantCulture)), error.MessageOrDefault);
    }
}
