using System.Text;
using System.Text.Json;
using AgentCore.Streaming;

namespace AgentCore.Tests.Streaming;

/// <summary>The reference's <c>normalizeUsage</c> vectors (parity spec 3.5).</summary>
public sealed class NormalizedUsageTests
{
    private static readonly ModelPricing s_gpt4o = ModelPricing.Find("gpt-4o")!;

    private static UsageFigures Normalize(string json, ModelPricing? pricing = null)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        UsageFigures figures = NormalizedUsage.Read(ref reader, pricing);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.False(reader.Read());
        return figures;
    }

    [Theory]
    [InlineData("""{"input_tokens":100,"output_tokens":50,"input_tokens_details":{"cached_tokens":30,"cache_miss_tokens":70}}""", 100, 50, 0, 30)]
    [InlineData("""{"output_tokens":50,"input_tokens_details":{"cached_tokens":30,"cache_miss_tokens":70}}""", 100, 50, 0, 30)]
    [InlineData("""{"prompt_tokens":100,"completion_tokens":50,"prompt_tokens_details":{"cached_tokens":30,"cache_miss_tokens":70}}""", 100, 50, 0, 30)]
    [InlineData("""{"input_tokens":100,"output_tokens":50,"cache_creation_input_tokens":20,"input_tokens_details":{"cached_tokens":30,"cache_miss_tokens":50}}""", 100, 50, 20, 30)]
    [InlineData("""{"input_tokens":100,"output_tokens":50,"cache_write_tokens":20,"cache_read_tokens":30}""", 100, 50, 20, 30)]
    [InlineData("""{"input_tokens":100,"output_tokens":50,"cached_tokens":30}""", 100, 50, 0, 30)]
    [InlineData("""{"prompt_tokens":100,"completion_tokens":50}""", 100, 50, 0, 0)]
    [InlineData("""{}""", 0, 0, 0, 0)]
    [InlineData("""{"input_tokens":100,"output_tokens":50,"cached_tokens":20,"input_tokens_details":{"cached_tokens":30,"cache_miss_tokens":70}}""", 100, 50, 0, 20)]
    [InlineData("""{"output_tokens":50,"input_tokens_details":{"cached_tokens":30}}""", 30, 50, 0, 30)]
    public void Read_ParityVectors_Figures(string usage, long input, long output, long cacheWrite, long cacheRead)
    {
        UsageFigures u = Normalize(usage);
        Assert.Equal(new UsageFigures(input, output, cacheWrite, cacheRead), u);
    }

    [Fact]
    public void Read_ReasoningTokens_FromOutputDetails()
    {
        Assert.Equal(50, Normalize("""{"input_tokens":100,"output_tokens":150,"output_tokens_details":{"reasoning_tokens":50,"x":[1]}}""").ReasoningTokens);
        Assert.Null(Normalize("""{"output_tokens_details":{"reasoning_tokens":"50"}}""").ReasoningTokens);
    }

    [Fact]
    public void Read_Gpt4oPrices_ReferenceCost()
    {
        UsageFigures u = Normalize("""{"input_tokens":100,"output_tokens":50,"cache_read_input_tokens":30,"cache_creation_input_tokens":20}""", s_gpt4o);
        Assert.Equal(0.0006625, u.TotalCost!.Value, 12);
        Assert.Null(Normalize("{}").TotalCost);
    }
}
