using System.Text.Json;

namespace AgentCore.Streaming;

/// <summary>
/// Ollama <c>/api/chat</c> NDJSON streams: <c>message.content</c> through the <c>&lt;think&gt;</c> matcher,
/// <c>message.thinking</c> as reasoning, whole <c>tool_calls</c> (arguments are JSON objects, printed as
/// <c>JSON.stringify</c> would), the final <c>done: true</c> line's counts as usage, <c>{"error": "…"}</c> lines.
/// </summary>
internal sealed class OllamaDecoder : StreamDecoder, INdjsonLineHandler
{
    private readonly NdjsonParser _parser;
    private int _toolCallCounter;

    public OllamaDecoder(IStreamChunkSink sink, StreamDecoderOptions? options)
        : base(StreamFormat.Ollama, sink, options) => _parser = new NdjsonParser(Options.MaxEventBytes);

    /// <inheritdoc/>
    void INdjsonLineHandler.OnLine(ReadOnlySpan<byte> line)
    {
        if (IsEnded)
        {
            return;
        }

        BeginEvent(line.Length);
        try
        {
            OnLine(line);
        }
        catch (JsonException e)
        {
            FailInvalidJson(e);
        }
    }

    private protected override void PushCore(ReadOnlySpan<byte> bytes)
    {
        _parser.Parse(bytes, this);
        if (_parser.IsOverLimit)
        {
            FailTooLarge();
        }
    }

    private protected override void CompleteCore()
    {
        _parser.Complete(this);
        if (!IsEnded)
        {
            FlushMatcher();
            FailIncomplete("a line with \"done\": true");
        }
    }

    private protected override void DisposeCore() => _parser.Dispose();

    private void OnLine(ReadOnlySpan<byte> line)
    {
        if (!JsonWalk.TryOpenObject(line, out Utf8JsonReader r))
        {
            Fail("invalid_json", "the ollama stream has a line that is not a JSON object");
            return;
        }

        bool done = false;
        long? promptEvalCount = null;
        long? evalCount = null;
        Utf8JsonReader message = default;
        bool hasMessage = false;
        RawString error = default;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("message"u8))
            {
                hasMessage = JsonWalk.CaptureObject(ref r, out message);
            }
            else if (r.ValueTextEquals("done"u8))
            {
                done = JsonWalk.ReadTrue(ref r);
            }
            else if (r.ValueTextEquals("prompt_eval_count"u8))
            {
                promptEvalCount = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("eval_count"u8))
            {
                evalCount = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("model"u8))
            {
                RawString model = JsonWalk.ReadString(ref r);
                SetStreamModel(model);
            }
            else if (r.ValueTextEquals("error"u8))
            {
                error = JsonWalk.ReadString(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        if (error.Present)
        {
            FlushMatcher();
            Fail(ProviderError.DefaultName, Decode(error).ToString());
            return;
        }

        if (hasMessage)
        {
            OnMessage(ref message);
        }

        if (done)
        {
            FlushMatcher();
            if (promptEvalCount is not null || evalCount is not null)
            {
                long input = promptEvalCount ?? 0;
                long output = evalCount ?? 0;
                EmitUsage(new UsageFigures(input, output));
                RecordReferenceUsage(input, output, 0, 0, null);
            }

            MarkEnded();
        }
    }

    private void OnMessage(ref Utf8JsonReader r)
    {
        RawString content = default;
        RawString thinking = default;
        Utf8JsonReader tools = default;
        bool hasTools = false;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("content"u8))
            {
                content = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("thinking"u8))
            {
                thinking = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("tool_calls"u8))
            {
                hasTools = JsonWalk.EnterArray(ref r);
                tools = r;
                JsonWalk.SkipValue(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        if (thinking.IsTruthy)
        {
            EmitReasoning(Decode(thinking));
        }

        if (content.IsTruthy)
        {
            EmitContentThroughMatcher(Decode(content));
        }

        if (hasTools)
        {
            while (tools.Read() && tools.TokenType == JsonTokenType.StartObject)
            {
                OnToolCall(ref tools);
            }
        }
    }

    private void OnToolCall(ref Utf8JsonReader r)
    {
        RawString id = default;
        RawString name = default;
        long? index = null;
        Utf8JsonReader args = default;
        bool hasArgs = false;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("id"u8))
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
                    else if (r.ValueTextEquals("index"u8))
                    {
                        index = JsonWalk.ReadInt64(ref r);
                    }
                    else if (r.ValueTextEquals("arguments"u8))
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
            }
            else if (r.TokenType == JsonTokenType.PropertyName)
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        int callIndex = index is long i ? (int)i : _toolCallCounter;
        _toolCallCounter++;
        ReadOnlySpan<char> idText = Decode(id);
        ReadOnlySpan<char> nameText = Decode(name);
        ReadOnlySpan<char> argsText = hasArgs ? Stringify(ref args) : default;
        EmitToolCall(callIndex, id.Present, idText, name.Present, nameText, hasArgs, argsText);
    }
}
