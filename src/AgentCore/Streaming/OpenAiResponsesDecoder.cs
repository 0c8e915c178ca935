using System.Text.Json;

namespace AgentCore.Streaming;

/// <summary>
/// OpenAI Responses API streams (typed events, no <c>[DONE]</c>): text and reasoning deltas, refusals, output items,
/// function-call arguments, and the usage of <c>response.completed</c> through the reference's <c>normalizeUsage</c>.
/// </summary>
internal sealed class OpenAiResponsesDecoder : SseStreamDecoder
{
    private const string RefusalPrefix = "[Refusal] ";

    public OpenAiResponsesDecoder(IStreamChunkSink sink, StreamDecoderOptions? options)
        : base(StreamFormat.OpenAiResponses, sink, options)
    {
    }

    private protected override void OnEvent(in SseEvent sseEvent)
    {
        if (!JsonWalk.TryOpenObject(sseEvent.Data, out Utf8JsonReader r))
        {
            FailNotAnObject();
            return;
        }

        RawString type = default;
        RawString delta = default;
        RawString code = default;
        RawString message = default;
        long? summaryIndex = null;
        long? outputIndex = null;
        Utf8JsonReader item = default;
        bool hasItem = false;
        Utf8JsonReader response = default;
        bool hasResponse = false;
        Utf8JsonReader usage = default;
        bool hasUsage = false;
        Utf8JsonReader error = default;
        bool hasError = false;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("type"u8))
            {
                type = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("delta"u8))
            {
                delta = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("output_index"u8))
            {
                outputIndex = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("summary_index"u8))
            {
                summaryIndex = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("item"u8))
            {
                hasItem = JsonWalk.EnterObject(ref r);
                item = r;
                JsonWalk.SkipValue(ref r);
            }
            else if (r.ValueTextEquals("response"u8))
            {
                hasResponse = JsonWalk.EnterObject(ref r);
                response = r;
                JsonWalk.SkipValue(ref r);
            }
            else if (r.ValueTextEquals("usage"u8))
            {
                hasUsage = JsonWalk.EnterObject(ref r);
                usage = r;
                JsonWalk.SkipValue(ref r);
            }
            else if (r.ValueTextEquals("error"u8))
            {
                hasError = JsonWalk.EnterObject(ref r);
                error = r;
                JsonWalk.SkipValue(ref r);
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

        ReadOnlySpan<byte> t = type.Present ? type.Raw : sseEvent.EventType;
        if (t.SequenceEqual("response.output_text.delta"u8) || t.SequenceEqual("response.text.delta"u8))
        {
            if (delta.Present)
            {
                EmitText(Decode(delta));
            }
        }
        else if (t.SequenceEqual("response.reasoning_summary_text.delta"u8) || t.SequenceEqual("response.reasoning_text.delta"u8)
            || t.SequenceEqual("response.reasoning.delta"u8) || t.SequenceEqual("response.reasoning_summary.delta"u8))
        {
            if (delta.Present)
            {
                EmitReasoning(Decode(delta));
            }
        }
        else if (t.SequenceEqual("response.function_call_arguments.delta"u8))
        {
            if (delta.Present)
            {
                EmitToolCall((int)(outputIndex ?? 0), false, default, false, default, true, Decode(delta));
            }
        }
        else if (t.SequenceEqual("response.reasoning_summary_part.added"u8))
        {
            // Summary parts are separate paragraphs; the deltas carry no separator between them.
            if (summaryIndex > 0)
            {
                EmitReasoning("\n\n");
            }
        }
        else if (t.SequenceEqual("response.refusal.delta"u8))
        {
            if (delta.Present)
            {
                EmitText(DecodeWithPrefix(RefusalPrefix, delta));
            }
        }
        else if (t.SequenceEqual("response.output_item.added"u8))
        {
            if (hasItem)
            {
                OnItemAdded(ref item, (int)(outputIndex ?? 0));
            }
        }
        else if (t.SequenceEqual("response.completed"u8) || t.SequenceEqual("response.done"u8) || t.SequenceEqual("response.incomplete"u8))
        {
            if (hasResponse)
            {
                ReadResponse(ref response, ref hasUsage, ref usage);
            }

            if (hasUsage)
            {
                EmitNormalizedUsage(ref usage);
            }

            MarkEnded();
        }
        else if (t.SequenceEqual("response.created"u8) || t.SequenceEqual("response.in_progress"u8))
        {
            if (hasResponse)
            {
                ReadResponse(ref response, ref hasUsage, ref usage);
            }
        }
        else if (t.SequenceEqual("response.failed"u8))
        {
            if (hasResponse)
            {
                FailFromResponse(ref response);
            }

            Fail("response_failed", "the response failed");
        }
        else if (t.SequenceEqual("error"u8) || t.SequenceEqual("response.error"u8))
        {
            if (hasError)
            {
                FailFromError(ref error);
            }

            Fail(code.IsTruthy ? Decode(code).ToString() : "api_error", message.Present ? Decode(message).ToString() : "the provider reported an error in the stream");
        }
    }

    private protected override void OnEndOfStream(bool truncatedEvent) => FailIncomplete("response.completed");

    private void OnItemAdded(ref Utf8JsonReader r, int outputIndex)
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
        }
        else if (itemType.Is("function_call"u8))
        {
            EmitToolCall(outputIndex, callId.Present, Decode(callId), name.Present, Decode(name), arguments.IsTruthy, Decode(arguments));
        }
    }

    private void ReadResponse(ref Utf8JsonReader r, ref bool hasUsage, ref Utf8JsonReader usage)
    {
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("model"u8))
            {
                RawString model = JsonWalk.ReadString(ref r);
                SetStreamModel(model);
            }
            else if (r.ValueTextEquals("usage"u8))
            {
                hasUsage = JsonWalk.EnterObject(ref r);
                usage = r;
                JsonWalk.SkipValue(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }
    }

    /// <summary>The reference's <c>normalizeUsage</c> (parity spec 3.5), yielding one usage chunk.</summary>
    private void EmitNormalizedUsage(ref Utf8JsonReader r)
    {
        long? inputTokens = null, promptTokens = null, outputTokens = null, completionTokens = null;
        long? cacheCreation = null, cacheWriteTokens = null, cacheReadInput = null, cacheReadTokens = null, cachedTokensTop = null;
        long? inputDetailsCached = null, inputDetailsMiss = null, promptDetailsCached = null, promptDetailsMiss = null, reasoningTokens = null;
        bool hasInputDetails = false, hasPromptDetails = false;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("input_tokens"u8))
            {
                inputTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("prompt_tokens"u8))
            {
                promptTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("output_tokens"u8))
            {
                outputTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("completion_tokens"u8))
            {
                completionTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("cache_creation_input_tokens"u8))
            {
                cacheCreation = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("cache_write_tokens"u8))
            {
                cacheWriteTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("cache_read_input_tokens"u8))
            {
                cacheReadInput = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("cache_read_tokens"u8))
            {
                cacheReadTokens = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("cached_tokens"u8))
            {
                cachedTokensTop = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("input_tokens_details"u8))
            {
                hasInputDetails = ReadDetails(ref r, out inputDetailsCached, out inputDetailsMiss);
            }
            else if (r.ValueTextEquals("prompt_tokens_details"u8))
            {
                hasPromptDetails = ReadDetails(ref r, out promptDetailsCached, out promptDetailsMiss);
            }
            else if (r.ValueTextEquals("output_tokens_details"u8))
            {
                if (JsonWalk.EnterObject(ref r))
                {
                    while (JsonWalk.NextProperty(ref r))
                    {
                        if (r.ValueTextEquals("reasoning_tokens"u8))
                        {
                            reasoningTokens = JsonWalk.ReadInt64(ref r);
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

        // details = input_tokens_details ?? prompt_tokens_details
        bool hasDetails = hasInputDetails || hasPromptDetails;
        long cached = (hasInputDetails ? inputDetailsCached : promptDetailsCached) ?? 0;
        long miss = (hasInputDetails ? inputDetailsMiss : promptDetailsMiss) ?? 0;
        long totalIn = inputTokens ?? promptTokens ?? 0;
        if (totalIn == 0 && hasDetails && (cached > 0 || miss > 0))
        {
            totalIn = cached + miss;
        }

        long totalOut = outputTokens ?? completionTokens ?? 0;
        long cacheWrite = cacheCreation ?? cacheWriteTokens ?? 0;
        long cacheRead = cacheReadInput ?? cacheReadTokens ?? cachedTokensTop ?? cached;
        ModelPricing? pricing = ResolvePricing();
        double? cost = pricing is null ? null : ApiCost.OpenAi(pricing, totalIn, totalOut, cacheWrite, cacheRead).TotalCost;
        EmitUsage(new UsageFigures(totalIn, totalOut, cacheWrite, cacheRead, reasoningTokens, cost));
        RecordReferenceUsage(totalIn, totalOut, cacheWrite, cacheRead, cost);
    }

    private static bool ReadDetails(ref Utf8JsonReader r, out long? cached, out long? miss)
    {
        cached = miss = null;
        if (!JsonWalk.EnterObject(ref r))
        {
            return false;
        }

        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("cached_tokens"u8))
            {
                cached = JsonWalk.ReadInt64(ref r);
            }
            else if (r.ValueTextEquals("cache_miss_tokens"u8))
            {
                miss = JsonWalk.ReadInt64(ref r);
            }
            else
            {
                JsonWalk.SkipProperty(ref r);
            }
        }

        return true;
    }

    private void FailFromResponse(ref Utf8JsonReader r)
    {
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("error"u8) && JsonWalk.EnterObject(ref r))
            {
                FailFromError(ref r);
                return;
            }

            if (r.TokenType == JsonTokenType.PropertyName)
            {
                JsonWalk.SkipProperty(ref r);
            }
        }
    }

    private void FailFromError(ref Utf8JsonReader r)
    {
        RawString code = default;
        RawString type = default;
        RawString message = default;
        while (JsonWalk.NextProperty(ref r))
        {
            if (r.ValueTextEquals("code"u8))
            {
                code = JsonWalk.ReadString(ref r);
            }
            else if (r.ValueTextEquals("type"u8))
            {
                type = JsonWalk.ReadString(ref r);
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

        string error = code.IsTruthy ? Decode(code).ToString() : type.IsTruthy ? Decode(type).ToString() : "api_error";
        Fail(error, message.Present ? Decode(message).ToString() : "the provider reported an error in the stream");
    }
}
