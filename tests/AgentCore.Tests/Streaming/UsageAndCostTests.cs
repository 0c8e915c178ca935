using AgentCore.Streaming;

namespace AgentCore.Tests.Streaming;

/// <summary>Cost functions (parity spec 3.7), normalizeUsage (3.5), Anthropic usage (3.6) and the task figures (3.8).</summary>
public sealed class UsageAndCostTests
{
    private static readonly ModelPricing s_sonnet = new(3, 15, 3.75, 0.3);
    private static readonly ModelPricing s_gpt4o = new(2.5, 10, null, 1.25);

    [Theory]
    [InlineData(1000, 500, 0, 0, 0.010500000000000001, 1000)]
    [InlineData(1000, 500, 2000, 0, 0.018000000000000002, 3000)]
    [InlineData(1000, 500, 0, 3000, 0.0114, 4000)]
    [InlineData(1000, 500, 2000, 3000, 0.0189, 6000)]
    [InlineData(100, 50, 20, 10, 0.0011280000000000001, 130)]
    [InlineData(0, 0, 0, 0, 0, 0)]
    public void Anthropic_Vectors_BitIdentical(long input, long output, long cw, long cr, double cost, long totalIn)
    {
        ApiCostResult r = ApiCost.Anthropic(s_sonnet, input, output, cw, cr);
        Assert.Equal(cost, r.TotalCost);
        Assert.Equal(totalIn, r.TotalInputTokens);
        Assert.Equal(output, r.TotalOutputTokens);
    }

    [Theory]
    [InlineData(1000, 500, 0, 0, 0.0105)]
    [InlineData(3000, 500, 2000, 0, 0.018000000000000002)]
    [InlineData(4000, 500, 0, 3000, 0.0114)]
    [InlineData(6000, 500, 2000, 3000, 0.0189)]
    [InlineData(1000, 10, 0, 5000, 0.00165)]
    public void OpenAi_Vectors_BitIdentical(long input, long output, long cw, long cr, double cost)
    {
        ApiCostResult r = ApiCost.OpenAi(s_sonnet, input, output, cw, cr);
        Assert.Equal(cost, r.TotalCost);
        Assert.Equal(input, r.TotalInputTokens);
    }

    [Fact]
    public void Costs_NoPrices_Zero_NoCachePrices_InputAndOutputOnly()
    {
        Assert.Equal(0, ApiCost.Anthropic(new ModelPricing(null, null), 1000, 500, 2000, 3000).TotalCost);
        Assert.Equal(6000, ApiCost.Anthropic(new ModelPricing(null, null), 1000, 500, 2000, 3000).TotalInputTokens);
        Assert.Equal(0, ApiCost.OpenAi(new ModelPricing(null, null), 1000, 500, 2000, 3000).TotalCost);
        Assert.Equal(0.0105, ApiCost.Anthropic(new ModelPricing(3, 15), 1000, 500, 2000, 3000).TotalCost);
        Assert.Equal(0.0105, ApiCost.OpenAi(new ModelPricing(3, 15), 6000, 500, 2000, 3000).TotalCost);
    }

    [Fact]
    public void OpenAi_Gpt4oWithCacheWrite_ComputedCost()
    {
        Assert.Equal(0.0006625, ApiCost.OpenAi(s_gpt4o, 100, 50, 20, 30).TotalCost);
    }

    public static TheoryData<string, long, long, long, long, long?> NormalizeUsageVectors() => new()
    {
        { "{\"input_tokens\":100,\"output_tokens\":50,\"input_tokens_details\":{\"cached_tokens\":30,\"cache_miss_tokens\":70}}", 100, 50, 30, 0, null },
        { "{\"output_tokens\":50,\"input_tokens_details\":{\"cached_tokens\":30,\"cache_miss_tokens\":70}}", 100, 50, 30, 0, null },
        { "{\"prompt_tokens\":100,\"completion_tokens\":50,\"prompt_tokens_details\":{\"cached_tokens\":30,\"cache_miss_tokens\":70}}", 100, 50, 30, 0, null },
        { "{\"input_tokens\":100,\"output_tokens\":50,\"cache_creation_input_tokens\":20,\"input_tokens_details\":{\"cached_tokens\":30,\"cache_miss_tokens\":50}}", 100, 50, 30, 20, null },
        { "{\"input_tokens\":100,\"output_tokens\":150,\"output_tokens_details\":{\"reasoning_tokens\":50}}", 100, 150, 0, 0, 50 },
        { "{\"input_tokens\":100,\"output_tokens\":50,\"cache_write_tokens\":20,\"cache_read_tokens\":30}", 100, 50, 30, 20, null },
        { "{\"input_tokens\":100,\"output_tokens\":50,\"cached_tokens\":30}", 100, 50, 30, 0, null },
        { "{\"prompt_tokens\":100,\"completion_tokens\":50}", 100, 50, 0, 0, null },
        { "{}", 0, 0, 0, 0, null },
        { "{\"input_tokens\":100,\"output_tokens\":50,\"cached_tokens\":20,\"input_tokens_details\":{\"cached_tokens\":30,\"cache_miss_tokens\":70}}", 100, 50, 20, 0, null },
        { "{\"output_tokens\":50,\"input_tokens_details\":{\"cached_tokens\":30}}", 30, 50, 30, 0, null },
    };

    [Theory]
    [MemberData(nameof(NormalizeUsageVectors))]
    public void Responses_NormalizeUsage_Vectors(string usage, long input, long output, long cacheRead, long cacheWrite, long? reasoning)
    {
        string body = $"event: response.completed\ndata: {{\"type\":\"response.completed\",\"response\":{{\"model\":\"gpt-4o\",\"usage\":{usage}}}}}\n\n";
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.OpenAiResponses, body);
        UsageFigures u = Assert.Single(chunks).Usage!.Value;
        Assert.Equal(input, u.InputTokens);
        Assert.Equal(output, u.OutputTokens);
        Assert.Equal(cacheRead, u.CacheReadTokens);
        Assert.Equal(cacheWrite, u.CacheWriteTokens);
        Assert.Equal(reasoning, u.ReasoningTokens);
        Assert.Equal(ApiCost.OpenAi(s_gpt4o, input, output, cacheWrite, cacheRead).TotalCost, u.TotalCost);
    }

    [Fact]
    public void Responses_NullUsage_NoChunk()
    {
        string body = "data: {\"type\":\"response.completed\",\"response\":{\"model\":\"gpt-4o\",\"usage\":null}}\n\n";
        Assert.Empty(StreamTestData.Decode(StreamFormat.OpenAiResponses, body));
    }

    [Fact]
    public void Responses_SseTestVector_TextsReasoningUsageCost()
    {
        string body =
            "data: {\"type\":\"response.output_item.added\",\"item\":{\"type\":\"text\",\"text\":\"First text\"}}\n\n" +
            "data: {\"type\":\"response.output_item.added\",\"item\":{\"type\":\"text\",\"text\":\" Second text\"}}\n\n" +
            "data: {\"type\":\"response.output_item.added\",\"item\":{\"type\":\"reasoning\",\"text\":\"Some reasoning\"}}\n\n" +
            "data: {\"type\":\"response.refusal.delta\",\"delta\":\"I cannot comply with this request.\"}\n\n" +
            "data: {\"type\":\"response.done\",\"response\":{\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20}}}\n\n";
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.OpenAiResponses, body, options: new StreamDecoderOptions { Model = "gpt-5-2025-08-07" });
        Assert.Equal([StreamChunkType.Text, StreamChunkType.Text, StreamChunkType.Reasoning, StreamChunkType.Text, StreamChunkType.Usage], chunks.Select(c => c.Type));
        Assert.Equal("[Refusal] I cannot comply with this request.", chunks[3].Text);
        Assert.Equal((100 / 1e6 * 1.25) + (20 / 1e6 * 10), chunks[4].Usage!.Value.TotalCost!.Value, 15);
    }

    private const string AnthropicMock =
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-3-5-sonnet-20241022\",\"usage\":{\"input_tokens\":100,\"output_tokens\":50,\"cache_creation_input_tokens\":20,\"cache_read_input_tokens\":10}}}\n\n" +
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"Hello\"}}\n\n" +
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" world\"}}\n\n" +
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    [Fact]
    public void Anthropic_MockStream_ChunksAndTaskFiguresAsReference()
    {
        var sink = new ChunkCollector();
        using StreamDecoder d = StreamDecoder.Create(StreamFormat.Anthropic, sink);
        d.Push(System.Text.Encoding.UTF8.GetBytes(AnthropicMock));
        d.Complete();
        Assert.Equal(new UsageFigures(100, 50, 20, 10), sink.Chunks[0].Usage);
        Assert.Equal(["Hello", " world"], sink.Chunks.Where(c => c.Type == StreamChunkType.Text).Select(c => c.Text!));
        Assert.Equal(new UsageFigures(0, 0, TotalCost: 0.0011280000000000001), sink.Chunks[^1].Usage);
        // {"apiProtocol":"anthropic","tokensIn":130,"tokensOut":50,"cacheWrites":20,"cacheReads":10,"cost":0.001128}
        Assert.Equal(new TaskUsage(130, 50, 20, 10, 0.0011280000000000001), d.GetTaskUsage());
    }

    private const string AnthropicWithDelta =
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-sonnet-4-5-20250929\",\"usage\":{\"input_tokens\":58,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":1}}}\n\n" +
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"input_tokens\":58,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":91}}\n\n" +
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    [Fact]
    public void Anthropic_CumulativeMessageDelta_AdditiveChunksSumToFinal()
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.Anthropic, AnthropicWithDelta);
        List<UsageFigures> usage = chunks.Select(c => c.Usage!.Value).ToList();
        Assert.Equal(58, usage.Sum(u => u.InputTokens));
        Assert.Equal(91, usage.Sum(u => u.OutputTokens));
        Assert.Equal(new UsageFigures(0, 90), usage[1]);
    }

    [Fact]
    public void Anthropic_Reference_TaskTokensOutOverCountsAndCostOmitsOutput()
    {
        var sink = new ChunkCollector();
        using StreamDecoder d = StreamDecoder.Create(StreamFormat.Anthropic, sink);
        d.Push(System.Text.Encoding.UTF8.GetBytes(AnthropicWithDelta));
        d.Complete();
        double referenceCost = ApiCost.Anthropic(s_sonnet, 58, 1).TotalCost;
        Assert.Equal(referenceCost, sink.Chunks[^1].Usage!.Value.TotalCost);
        Assert.Equal(new TaskUsage(58, 92, 0, 0, referenceCost), d.GetTaskUsage());
    }

    [Fact]
    public void Anthropic_Fixes_CostAndTokensOutFromFinalFigures()
    {
        var sink = new ChunkCollector();
        using StreamDecoder d = StreamDecoder.Create(StreamFormat.Anthropic, sink, new StreamDecoderOptions { Fixes = true });
        d.Push(System.Text.Encoding.UTF8.GetBytes(AnthropicWithDelta));
        d.Complete();
        double fixedCost = ApiCost.Anthropic(s_sonnet, 58, 91).TotalCost;
        Assert.Equal(fixedCost, sink.Chunks[^1].Usage!.Value.TotalCost);
        Assert.Equal(new TaskUsage(58, 91, 0, 0, fixedCost), d.GetTaskUsage());
    }

    [Fact]
    public void OpenAiChat_UsageChunk_TaskFiguresIgnoreCachedTokensDetails()
    {
        string body = "data: {\"choices\":[{\"delta\":{\"content\":\"Test response\"}}]}\n\n" +
            "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"prompt_tokens_details\":{\"cached_tokens\":4}}}\n\ndata: [DONE]\n\n";
        var sink = new ChunkCollector();
        using StreamDecoder d = StreamDecoder.Create(StreamFormat.OpenAiChat, sink, new StreamDecoderOptions { Pricing = s_gpt4o });
        d.Push(System.Text.Encoding.UTF8.GetBytes(body));
        d.Complete();
        Assert.Equal(new UsageFigures(10, 5, null, 4), sink.Chunks[^1].Usage);
        Assert.Equal(new TaskUsage(10, 5, 0, 0, ApiCost.OpenAi(s_gpt4o, 10, 5).TotalCost), d.GetTaskUsage());
    }

    [Theory]
    [InlineData("claude-sonnet-4-5-20250929", 3.0)]
    [InlineData("claude-3-5-haiku-20241022", 1.0)]
    [InlineData("gpt-4.1-mini-2025-04-14", 0.4)]
    [InlineData("gpt-4o-mini", 0.15)]
    [InlineData("o4-mini-2025-04-16", 1.1)]
    public void ModelPricing_Find_LongestPrefix(string model, double inputPrice)
    {
        Assert.Equal(inputPrice, ModelPricing.Find(model)!.InputPrice);
    }

    [Fact]
    public void ModelPricing_Find_Unknown_Null()
    {
        Assert.Null(ModelPricing.Find("llama3"));
        Assert.Null(ModelPricing.Find(null));
    }
}

