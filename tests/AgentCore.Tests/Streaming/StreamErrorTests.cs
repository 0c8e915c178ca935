using System.Text;
using AgentCore.Streaming;

namespace AgentCore.Tests.Streaming;

/// <summary>Mid-stream errors, truncation and invalid JSON per format: one final error chunk, never an exception.</summary>
public sealed class StreamErrorTests
{
    private static StreamChunkRecord LastError(StreamFormat format, string body)
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(format, body);
        StreamChunkRecord last = chunks[^1];
        Assert.Equal(StreamChunkType.Error, last.Type);
        Assert.Single(chunks, c => c.Type == StreamChunkType.Error);
        return last;
    }

    [Fact]
    public void OpenAiChat_ErrorObjectMidStream_ErrorChunkWithProviderMessage()
    {
        StreamChunkRecord e = LastError(StreamFormat.OpenAiChat,
            "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"b\"}}]}\n\n");
        Assert.Equal("rate_limit_error", e.Error);
        Assert.Equal("Rate limit reached", e.Message);
    }

    [Fact]
    public void OpenAiChat_MissingDone_UsageThenIncompleteError()
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.OpenAiChat,
            "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}\n\n");
        Assert.Equal([StreamChunkType.Text, StreamChunkType.Usage, StreamChunkType.Error], chunks.Select(c => c.Type));
        Assert.Equal("stream_incomplete", chunks[^1].Error);
    }

    [Fact]
    public void OpenAiChat_TruncatedInsideEvent_IncompleteError()
    {
        Assert.Equal("stream_incomplete", LastError(StreamFormat.OpenAiChat, "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"choi").Error);
    }

    [Theory]
    [InlineData(StreamFormat.OpenAiChat, "data: {\"choices\":[{\"delta\":{\"content\":\"a\"\n\n")]
    [InlineData(StreamFormat.OpenAiResponses, "data: {\"type\":\"response.output_text.delta\",\"delta\":}\n\n")]
    [InlineData(StreamFormat.Anthropic, "event: ping\ndata: {\"type\": \"ping\"\n\n")]
    [InlineData(StreamFormat.Gemini, "data: {\"candidates\": [}\r\n\r\n")]
    [InlineData(StreamFormat.Ollama, "{\"message\":{\"content\":\"a\"},\"done\":false}\n{\"message\":\n")]
    [InlineData(StreamFormat.OpenAiChat, "data: hello\n\n")]
    [InlineData(StreamFormat.Ollama, "[1,2]\n")]
    public void AnyFormat_InvalidJson_InvalidJsonErrorChunk(StreamFormat format, string body)
    {
        Assert.Equal("invalid_json", LastError(format, body).Error);
    }

    [Fact]
    public void OpenAiChat_InvalidJson_LaterEventsIgnored()
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.OpenAiChat,
            "data: {bad\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: [DONE]\n\n");
        Assert.Equal("invalid_json", Assert.Single(chunks).Error);
    }

    [Fact]
    public void Anthropic_ErrorEvent_ProviderTypeAndMessage()
    {
        StreamChunkRecord e = LastError(StreamFormat.Anthropic,
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n" +
            "event: error\ndata: {\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}\n\n");
        Assert.Equal("overloaded_error", e.Error);
        Assert.Equal("Overloaded", e.Message);
    }

    [Fact]
    public void Anthropic_MissingMessageStop_IncompleteError()
    {
        Assert.Equal("stream_incomplete", LastError(StreamFormat.Anthropic,
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}}\n\n").Error);
    }

    [Fact]
    public void Anthropic_ToolUseAndSignature_ToolChunksNoSignatureChunk()
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.Anthropic,
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}\n\n" +
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"abc\"}}\n\n" +
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"read_file\",\"input\":{}}}\n\n" +
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"path\\\":\"}}\n\n" +
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        Assert.Equal(
            [
                new StreamChunkRecord(StreamChunkType.Reasoning, "", 0, null, null, null, null, null, null),
                new StreamChunkRecord(StreamChunkType.ToolCallPartial, null, 1, "toolu_1", "read_file", null, null, null, null),
                new StreamChunkRecord(StreamChunkType.ToolCallPartial, null, 1, null, null, "{\"path\":", null, null, null),
            ],
            chunks);
    }

    [Fact]
    public void Responses_ErrorEvent_CodeAndMessage()
    {
        StreamChunkRecord e = LastError(StreamFormat.OpenAiResponses,
            "event: error\ndata: {\"type\":\"error\",\"code\":\"server_error\",\"message\":\"Something went wrong\",\"param\":null}\n\n");
        Assert.Equal("server_error", e.Error);
        Assert.Equal("Something went wrong", e.Message);
    }

    [Fact]
    public void Responses_Failed_ErrorOfResponse()
    {
        StreamChunkRecord e = LastError(StreamFormat.OpenAiResponses,
            "event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":{\"status\":\"failed\",\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down\"}}}\n\n");
        Assert.Equal("rate_limit_exceeded", e.Error);
        Assert.Equal("Slow down", e.Message);
    }

    [Fact]
    public void Responses_NoCompleted_IncompleteError()
    {
        Assert.Equal("stream_incomplete", LastError(StreamFormat.OpenAiResponses,
            "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"a\"}\n\n").Error);
    }

    [Theory]
    [InlineData(StreamFormat.OpenAiChat, "data: {\"error\":{\"message\":\"m\",\"type\":\"t\",\"code\":\"c\"}}\n\n", "t", "m")]
    [InlineData(StreamFormat.OpenAiChat, "data: {\"error\":{\"message\":\"m\",\"type\":\"\",\"code\":\"c\"}}\n\n", "c", "m")]
    [InlineData(StreamFormat.OpenAiChat, "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}],\"error\":{\"code\":429}}\n\n", "api_error", "the provider reported an error in the stream")]
    [InlineData(StreamFormat.OpenAiChat, "data: {\"error\":\"plain \\u00e9\"}\n\n", "api_error", "plain é")]
    [InlineData(StreamFormat.OpenAiResponses, "data: {\"type\":\"error\",\"error\":{\"type\":\"t\",\"code\":\"c\",\"message\":\"m\"}}\n\n", "c", "m")]
    [InlineData(StreamFormat.OpenAiResponses, "data: {\"type\":\"response.error\",\"error\":{\"type\":\"t\"},\"code\":\"top\"}\n\n", "t", "the provider reported an error in the stream")]
    [InlineData(StreamFormat.OpenAiResponses, "data: {\"type\":\"response.failed\",\"response\":{\"error\":null}}\n\n", "response_failed", "the response failed")]
    [InlineData(StreamFormat.OpenAiResponses, "event: error\ndata: {\"message\":\"m\"}\n\n", "api_error", "m")]
    [InlineData(StreamFormat.Anthropic, "event: error\ndata: {\"type\":\"error\",\"error\":{\"code\":\"c\",\"message\":\"m\"}}\n\n", "api_error", "m")]
    [InlineData(StreamFormat.Gemini, "data: {\"error\":{\"code\":503,\"message\":\"m\"}}\n\n", "503", "m")]
    [InlineData(StreamFormat.Gemini, "data: {\"error\":{\"code\":\"x\",\"status\":\"\"}}\n\n", "api_error", "the provider reported an error in the stream")]
    public void ErrorObjects_EachFormat_NamedInItsProvidersOrder(StreamFormat format, string body, string error, string message)
    {
        StreamChunkRecord e = LastError(format, body);
        Assert.Equal(error, e.Error);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Gemini_ErrorObject_StatusAndMessage()
    {
        StreamChunkRecord e = LastError(StreamFormat.Gemini,
            "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"a\"}],\"role\": \"model\"},\"index\": 0}]}\r\n\r\n" +
            "data: {\"error\": {\"code\": 503, \"message\": \"The model is overloaded.\", \"status\": \"UNAVAILABLE\"}}\r\n\r\n");
        Assert.Equal("UNAVAILABLE", e.Error);
        Assert.Equal("The model is overloaded.", e.Message);
    }

    [Fact]
    public void Gemini_PromptBlocked_ErrorChunkWithReason()
    {
        StreamChunkRecord e = LastError(StreamFormat.Gemini,
            "data: {\"promptFeedback\": {\"blockReason\": \"SAFETY\"},\"usageMetadata\": {\"promptTokenCount\": 8,\"totalTokenCount\": 8}}\r\n\r\n");
        Assert.Equal("prompt_blocked", e.Error);
        Assert.Equal("Gemini blocked the prompt (SAFETY)", e.Message);
    }

    [Fact]
    public void Gemini_NoFinishReason_IncompleteError()
    {
        Assert.Equal("stream_incomplete", LastError(StreamFormat.Gemini,
            "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"a\"}],\"role\": \"model\"},\"index\": 0}]}\r\n\r\n").Error);
    }

    [Fact]
    public void Gemini_UsageDetails_CachedAndThoughts()
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.Gemini,
            "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"a\"}]},\"finishReason\": \"STOP\"}],\"usageMetadata\": {\"promptTokenCount\": 100,\"candidatesTokenCount\": 7,\"cachedContentTokenCount\": 60,\"thoughtsTokenCount\": 12}}\r\n\r\n");
        Assert.Equal(new UsageFigures(100, 7, null, 60, 12), chunks[^1].Usage);
    }

    [Fact]
    public void Ollama_ErrorLine_ErrorChunk()
    {
        StreamChunkRecord e = LastError(StreamFormat.Ollama, "{\"error\":\"model 'x' not found\"}\n");
        Assert.Equal("model 'x' not found", e.Message);
    }

    [Fact]
    public void Ollama_NoDone_IncompleteError()
    {
        Assert.Equal("stream_incomplete", LastError(StreamFormat.Ollama, "{\"message\":{\"role\":\"assistant\",\"content\":\"a\"},\"done\":false}\n").Error);
    }

    [Fact]
    public void Ollama_ThinkTagsInContent_SplitIntoReasoning()
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.Ollama,
            "{\"message\":{\"content\":\"<think>hm\"},\"done\":false}\n{\"message\":{\"content\":\"</think>Hi\"},\"done\":false}\n{\"message\":{\"content\":\"\"},\"done\":true,\"prompt_eval_count\":3,\"eval_count\":2}\n");
        Assert.Equal([(StreamChunkType.Reasoning, "hm"), (StreamChunkType.Text, "Hi")], chunks.Where(c => c.Text is not null).Select(c => (c.Type, c.Text!)));
    }

    [Fact]
    public void Ollama_GoEscapedArgumentsWithNumbers_StringifiedLikeJavaScript()
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.Ollama,
            "{\"message\":{\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":{\"q\":\"a \\u003c b \\u0026 c\",\"n\":1.50,\"e\":1e2,\"l\":[true,null,{}]}}}]},\"done\":true}\n");
        Assert.Equal("{\"q\":\"a < b & c\",\"n\":1.5,\"e\":100,\"l\":[true,null,{}]}", chunks[0].Arguments);
        Assert.Null(chunks[0].Id);
    }

    [Fact]
    public void OpenAiChat_DeepSeekReasoningContent_ReasoningChunks()
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.OpenAiChat,
            "data: {\"choices\":[{\"delta\":{\"content\":null,\"reasoning_content\":\"think\"}}]}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"answer\",\"reasoning_content\":null}}]}\n\n: keep-alive\n\ndata: [DONE]\n\n");
        Assert.Equal([(StreamChunkType.Reasoning, "think"), (StreamChunkType.Text, "answer")], chunks.Select(c => (c.Type, c.Text!)));
    }

    [Fact]
    public void Decoder_LoneSurrogateEscape_KeptAndPrintedLikeJavaScript()
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.OpenAiChat,
            "data: {\"choices\":[{\"delta\":{\"content\":\"x\\ud83d\"}}]}\n\ndata: [DONE]\n\n");
        Assert.Equal("x\ud83d", chunks[0].Text);
        Assert.Equal("{\"type\":\"text\",\"text\":\"x\\ud83d\"}", ChunkJsonLineWriter.Format(StreamChunk.ForText(chunks[0].Text)));
    }

    [Fact]
    public void Format_UsageAndToolCall_ContractFieldOrderAbsentOmitted()
    {
        Assert.Equal(
            "{\"type\":\"usage\",\"inputTokens\":1,\"outputTokens\":2,\"cacheWriteTokens\":3,\"cacheReadTokens\":4,\"reasoningTokens\":5,\"totalCost\":1e-7}",
            ChunkJsonLineWriter.Format(StreamChunk.ForUsage(new UsageFigures(1, 2, 3, 4, 5, 1e-7))));
        Assert.Equal("{\"type\":\"usage\",\"inputTokens\":1,\"outputTokens\":2}", ChunkJsonLineWriter.Format(StreamChunk.ForUsage(new UsageFigures(1, 2))));
        Assert.Equal(
            "{\"type\":\"tool_call_partial\",\"index\":2,\"id\":\"c\",\"name\":\"n\",\"arguments\":\"{\\\"a\\\":\\\"\\u0001\\\"}\"}",
            ChunkJsonLineWriter.Format(StreamChunk.ForToolCall(2, true, "c", true, "n", true, "{\"a\":\"\u0001\"}")));
        Assert.Equal("{\"type\":\"error\",\"error\":\"e\",\"message\":\"m\"}", ChunkJsonLineWriter.Format(StreamChunk.ForError("e", "m")));
    }

    [Theory]
    [InlineData(StreamFormat.OpenAiChat)]
    [InlineData(StreamFormat.OpenAiResponses)]
    [InlineData(StreamFormat.Anthropic)]
    [InlineData(StreamFormat.Gemini)]
    [InlineData(StreamFormat.Ollama)]
    public void AnyFormat_20000Events_AllDecodedNoAllocationPerEvent(StreamFormat format)
    {
        (string head, string one, string tail) = LargeStreamParts(format);
        byte[] body = Encoding.UTF8.GetBytes(head + string.Concat(Enumerable.Repeat(one, 20_000)) + tail);
        var counter = new CountingSink();
        using StreamDecoder d = StreamDecoder.Create(format, counter);
        byte[] warm = Encoding.UTF8.GetBytes(head + one + one);
        d.Push(warm);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = warm.Length; i < body.Length; i += 4096)
        {
            d.Push(body.AsSpan(i, Math.Min(4096, body.Length - i)));
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        d.Complete();
        Assert.False(d.HasFailed);
        Assert.True(counter.Text >= 20_000, $"{counter.Text} text chunks");
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated for 20,000 events");
    }

    private static (string Head, string One, string Tail) LargeStreamParts(StreamFormat format) => format switch
    {
        StreamFormat.OpenAiChat => ("", "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok\"},\"finish_reason\":null}]}\n\n", "data: [DONE]\n\n"),
        StreamFormat.OpenAiResponses => ("", "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"tok\"}\n\n", "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n"),
        StreamFormat.Anthropic => ("", "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"tok\"}}\n\n", "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"),
        StreamFormat.Gemini => ("", "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"tok\"}],\"role\": \"model\"},\"index\": 0}]}\r\n\r\n", "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \".\"}]},\"finishReason\": \"STOP\"}]}\r\n\r\n"),
        _ => ("", "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"tok\"},\"done\":false}\n", "{\"model\":\"m\",\"message\":{\"content\":\"\"},\"done\":true,\"eval_count\":1}\n"),
    };

    private sealed class CountingSink : IStreamChunkSink
    {
        public int Text { get; private set; }

        public void OnChunk(in StreamChunk chunk)
        {
            if (chunk.Type == StreamChunkType.Text)
            {
                Text++;
            }
        }
    }
}
