using AgentCore.Streaming;

namespace AgentCore.Tests.Streaming;

/// <summary>Task figures of the formats whose reference chunks are already additive.</summary>
public sealed class TaskUsageTests
{
    private static TaskUsage Run(StreamFormat format, string body, StreamDecoderOptions? options = null)
    {
        using StreamDecoder d = StreamDecoder.Create(format, new ChunkCollector(), options);
        d.Push(System.Text.Encoding.UTF8.GetBytes(body));
        d.Complete();
        return d.GetTaskUsage();
    }

    [Fact]
    public void Responses_TaskFigures_FromNormalizedUsageWithCost()
    {
        TaskUsage u = Run(StreamFormat.OpenAiResponses,
            "data: {\"type\":\"response.completed\",\"response\":{\"model\":\"gpt-4o-2024-08-06\",\"usage\":{\"input_tokens\":100,\"output_tokens\":50,\"cache_read_input_tokens\":30,\"cache_creation_input_tokens\":20}}}\n\n");
        Assert.Equal(new TaskUsage(100, 50, 20, 30, 0.0006625), u);
    }

    [Fact]
    public void Ollama_TaskFigures_FreeModelCostZero()
    {
        TaskUsage u = Run(StreamFormat.Ollama, "{\"model\":\"qwen3:8b\",\"message\":{\"content\":\"hi\"},\"done\":true,\"prompt_eval_count\":26,\"eval_count\":101}\n");
        Assert.Equal(new TaskUsage(26, 101, 0, 0, 0), u);
    }

    [Fact]
    public void Gemini_TaskFigures_InputOutputCacheReads()
    {
        TaskUsage u = Run(StreamFormat.Gemini,
            "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"a\"}]},\"finishReason\": \"STOP\"}],\"usageMetadata\": {\"promptTokenCount\": 100,\"candidatesTokenCount\": 7,\"cachedContentTokenCount\": 60}}\r\n\r\n",
            new StreamDecoderOptions { Pricing = new ModelPricing(1, 2, null, 0.5) });
        Assert.Equal(new TaskUsage(100, 7, 0, 60, ApiCost.OpenAi(new ModelPricing(1, 2, null, 0.5), 100, 7, 0, 60).TotalCost), u);
    }
}
