using System.Text.Json;

namespace AgentCore.Streaming;

/// <summary>
/// OpenAI Responses API streams (typed events, no <c>[DONE]</c>): text and reasoning deltas, refusals, output items,
/// function-call arguments, and the usage of <c>response.completed</c> through the reference's <c>normalizeUsage</c>
/// (<see cref="NormalizedUsage"/>).
/// </summary>
/// <remarks>
/// As <see cref="AnthropicDecoder"/>: the event type first (the <c>type</c> field, else the SSE <c>event:</c> name),
/// then one handler per type that reads only the fields that type carries, to the end of the object (so the whole
/// event is still validated).
/// </remarks>
internal sealed class OpenAiResponsesDecoder : SseStreamDecoder
{
    private const string RefusalPrefix = "[Refusal] ";

    private enum DeltaKind
    {
        Text,
        Reasoning,
        Refusal,
        ToolArguments,
    }

    public OpenAiResponsesDecoder(IStreamChunkSink sink, StreamDecoderOptions? options)
        : base(StreamFormat.OpenAiResponses, sink, options)
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

        if (type.SequenceEqual("response.output_text.delta"u8) || type.SequenceEqual("response.text.delta"u8))
        {
            OnDelta(ref r, DeltaKind.Text);
        }
        else if (type.SequenceEqual("response.reasoning_summary_text.delta"u8) || type.SequenceEqual("response.reasoning_text.delta"u8)
            || type.SequenceEqual("response.reasoning.delta"u8) || type.SequenceEqual("response.reasoning_summary.delta"u8))
        {
            OnDelta(ref r, DeltaKind.Reasoning);
        }
        else if (type.SequenceEqual("response.function_call_arguments.delta"u8))
        {
            OnDelta(ref r, DeltaKind.ToolArguments);
        }
        else if (type.SequenceEqual("response.refusal.delta"u8))
        {
            OnDelta(ref r, DeltaKind.Refusal);
        }
        else if (type.SequenceEqual("response.reasoning_summary_part.added"u8))
        {
            OnSummaryPartAdded(ref r);
        }
        else if (type.SequenceEqual("response.output_item.added"u8))
        {
            OnOutputItemAdded(ref r);
        }
        else if (type.SequenceEqual("response.completed"u8) || type.SequenceEqual("response.done"u8) || type.SequenceEqual("response.incomplete"u8))
        {
            OnCompleted(ref r);
        }
        else if (type.SequenceEqual("response.created"u8) || type.SequenceEqual("response.in_progress"u8))
        {
            OnResponseUpdate(ref r);
        }
        else if (type.SequenceEqual("response.failed"u8))
        {
            OnFailed(ref r);
        }
        else if (type.SequenceEqual("error"u8) || type.SequenceEqual("response.error"u8))
        {
            OnError(ref r);
        }
        else
        {
            // Content-part, done and future event types carry nothing for the chunk model; still validate.
            r.Skip();
        }
    }

    private protected override void OnEndOfStream(bool truncatedEvent) => FailIncomplete("response.completed");

    private void OnDelta(ref Utf8JsonReader r, DeltaKind kind)
    {
        RawString delta = default;
        long? outputIndex = null;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("delta"u8))
            {
                delta = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("output_index"u8))
            {
                outputIndex = JsonWalk.ReadInt64(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        if (!delta.Present)
        {
            return;
        }

        switch (kind)
        {
            case DeltaKind.Text:
                EmitText(Decode(delta));
                break;
            case DeltaKind.Reasoning:
                EmitReasoning(Decode(delta));
                break;
            case DeltaKind.Refusal:
                EmitText(DecodeWithPrefix(RefusalPrefix, delta));
                break;
            default:
                EmitToolCall((int)(outputIndex ?? 0), false, default, false, default, true, Decode(delta));
                break;
        }
    }

    private void OnSummaryPartAdded(ref Utf8JsonReader r)
    {
        long? summaryIndex = null;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("summary_index"u8))
            {
                summaryIndex = JsonWalk.ReadInt64(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        // Summary parts are separate paragraphs; the deltas carry no separator between them.
        if (summaryIndex > 0)
        {
            EmitReasoning("\n\n");
        }
    }

    private void OnOutputItemAdded(ref Utf8JsonReader r)
    {
        long? outputIndex = null;
        Utf8JsonReader item = default;
        bool hasItem = false;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("item"u8))
            {
                hasItem = JsonWalk.CaptureObject(ref r, out item);
            }
            else if (r.ValueTextEquals("output_index"u8))
            {
                outputIndex = JsonWalk.ReadInt64(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        if (hasItem)
        {
            OnItem(ref item, (int)(outputIndex ?? 0));
        }
    }

    private void OnItem(ref Utf8JsonReader r, int outputIndex)
    {
        RawString itemType = default;
        RawString text = default;
        RawString callId = default;
        RawString name = default;
        RawString arguments = default;
        Utf8JsonReader content = default;
        bool hasContent = false;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("type"u8))
            {
                itemType = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("text"u8))
            {
                text = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("call_id"u8))
            {
                callId = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("name"u8))
            {
                name = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("arguments"u8))
            {
                arguments = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("content"u8))
            {
                hasContent = JsonWalk.EnterArray(ref r);
                content = r;
                JsonWalk.SkipValue(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        if (itemType.Is("text"u8))
        {
            if (text.IsTruthy)
            {
                EmitText(Decode(text));
            }
        }
        else if (itemType.Is("reasoning"u8))
        {
            if (text.IsTruthy)
            {
                EmitReasoning(Decode(text));
            }
        }
        else if (itemType.Is("message"u8))
        {
            if (hasContent)
            {
                EmitMessageParts(ref content);
            }
        }
        else if (itemType.Is("function_call"u8))
        {
            EmitToolCall(outputIndex, callId.Present, Decode(callId), name.Present, Decode(name), arguments.IsTruthy, Decode(arguments));
        }
    }

    private void EmitMessageParts(ref Utf8JsonReader content)
    {
        while (content.Read() && content.TokenType == JsonTokenType.StartObject)
        {
            RawString partType = default;
            RawString partText = default;
            while (JsonWalk.NextProperty(ref content))
            {
                if (content.ValueTextEquals("type"u8))
                {
                    partType = JsonWalk.ReadString(ref content);
                }
                else if (content.ValueTextEquals("text"u8))
                {
                    partText = JsonWalk.ReadString(ref content);
                }
                else
                {
                    JsonWalk.SkipProperty(ref content);
                }
            }

            if ((partType.Is("text"u8) || partType.Is("output_text"u8)) && partText.IsTruthy)
            {
                EmitText(Decode(partText));
            }
        }
    }

    /// <summary><c>response.completed</c> / <c>done</c> / <c>incomplete</c>: <c>normalizeUsage(response.usage ?? usage)</c>, then the end.</summary>
    private void OnCompleted(ref Utf8JsonReader r)
    {
        ReadTopLevel(ref r, out Utf8JsonReader usage, out bool hasUsage);
        if (hasUsage)
        {
            UsageFigures figures = NormalizedUsage.Read(ref usage, ResolvePricing());
            EmitUsage(figures);
            RecordReferenceUsage(figures.InputTokens, figures.OutputTokens, figures.CacheWriteTokens ?? 0, figures.CacheReadTokens ?? 0, figures.TotalCost);
        }

        MarkEnded();
    }

    /// <summary><c>response.created</c> / <c>in_progress</c>: only the model id.</summary>
    private void OnResponseUpdate(ref Utf8JsonReader r) => ReadTopLevel(ref r, out _, out _);

    /// <summary>
    /// Reads an event carrying a <c>response</c> object: its model id, and the usage object (<c>response.usage</c> when
    /// the response has that field, else the event's own <c>usage</c>).
    /// </summary>
    private void ReadTopLevel(ref Utf8JsonReader r, out Utf8JsonReader usage, out bool hasUsage)
    {
        usage = default;
        hasUsage = false;
        Utf8JsonReader response = default;
        bool hasResponse = false;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("response"u8))
            {
                hasResponse = JsonWalk.CaptureObject(ref r, out response);
            }
            else if (r.ValueTextEquals("usage"u8))
            {
                hasUsage = JsonWalk.CaptureObject(ref r, out usage);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        if (!hasResponse)
        {
            return;
        }

        while (JsonWalk.NextProperty(ref response))
        {
            if (response.ValueTextEquals("model"u8))
            {
                RawString model = JsonWalk.ReadString(ref response);
                SetStreamModel(model);
            }
            else if (response.ValueTextEquals("usage"u8))
            {
                hasUsage = JsonWalk.EnterObject(ref response);
                usage = response;
                JsonWalk.SkipValue(ref response);
            }
            else
            {
                JsonWalk.SkipProperty(ref response);
            }
        }
    }

    /// <summary><c>response.failed</c>: the error object of the response, else a stock error.</summary>
    private void OnFailed(ref Utf8JsonReader r)
    {
        Utf8JsonReader response = default;
        bool hasResponse = false;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("response"u8))
            {
                hasResponse = JsonWalk.CaptureObject(ref r, out response);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        while (hasResponse && JsonWalk.NextProperty(ref response))
        {
            if (response.ValueTextEquals("error"u8) && JsonWalk.EnterObject(ref response))
            {
                FailWith(ProviderError.Read(ref response));
                return;
            }

            if (response.TokenType == JsonTokenType.PropertyName)
            {
                JsonWalk.SkipProperty(ref response);
            }
        }

        Fail("response_failed", "the response failed");
    }

    /// <summary><c>error</c> / <c>response.error</c>: the <c>error</c> object, else the event's own <c>code</c> and <c>message</c>.</summary>
    private void OnError(ref Utf8JsonReader r)
    {
        Utf8JsonReader error = default;
        bool hasError = false;
        RawString code = default;
        RawString message = default;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("error"u8))
            {
                hasError = JsonWalk.CaptureObject(ref r, out error);
            }
            else if (r.ValueTextEquals("code"u8))
            {
                code = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("message"u8))
            {
                message = JsonWalk.ReadString(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        if (hasError)
        {
            FailWith(ProviderError.Read(ref error));
            return;
        }

        Fail(code.IsTruthy ? Decode(code).ToString() : ProviderError.DefaultName, message.Present ? Decode(message).ToString() : ProviderError.DefaultMessage);
    }

    /// <summary>The Responses API names an error by its <c>code</c>, else its <c>type</c>.</summary>
    private void FailWith(in ProviderError error) => Fail(ProviderError.Name(error.Code, error.Type), error.MessageOrDefault);
}
