using System.Text;
using AgentCore.Conversations;
using AgentCore.Tokenization;

namespace AgentCore.Tests.Conversations;

/// <summary>Parity spec 1.3 / 1.7: the extension's estimate over content blocks.</summary>
public sealed class TokenEstimatorTests
{
    private static int Estimate(string json) => TokenEstimator.EstimateJson(Encoding.UTF8.GetBytes(json));

    // Callers pass plain ASCII words (no escaping needed).
    private static string Text(string text) => "{\"type\":\"text\",\"text\":\"" + text + "\"}";

    private static string Image(int dataLength) => "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + new string('X', dataLength) + "\"}}";

    [Theory]
    [InlineData("[]", 0)]
    [InlineData("[{\"type\":\"text\",\"text\":\"Hello world\"}]", 3)]
    [InlineData("[{\"type\":\"text\",\"text\":\"\"}]", 0)]
    [InlineData("[{\"type\":\"text\"}]", 0)]
    [InlineData("[{\"type\":\"text\",\"text\":\"Test\"}]", 2)]
    [InlineData("[{\"type\":\"text\",\"text\":\"Goodbye world\"}]", 5)]
    [InlineData("[{\"type\":\"text\",\"text\":\"something<|endoftext|>something\"}]", 14)]
    [InlineData("[{\"type\":\"text\",\"text\":\"<|endoftext|>\"}]", 11)]
    [InlineData("[{\"type\":\"text\",\"text\":\"a<|endofprompt|>b\"}]", 14)]
    [InlineData("[{\"type\":\"text\",\"text\":\" \"}]", 2)]
    [InlineData("[{\"type\":\"text\",\"text\":\"\\n\"}]", 2)]
    [InlineData("[{\"type\":\"text\",\"text\":\"你好，世界\"}]", 5)]
    [InlineData("[{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/a.png\"}}]", 450)]
    [InlineData("[{\"type\":\"image\"}]", 450)]
    [InlineData("[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"data\":\"dummy_data\"}}]", 6)]
    [InlineData("[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"data\":\"small_dummy_data\"}}]", 6)]
    [InlineData("[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"read_file\",\"input\":{\"path\":\"a\"}}]", 0)]
    [InlineData("[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"long text here\"}]", 0)]
    public void EstimateJson_ParityVector_MatchesExtension(string json, int expected)
        => Assert.Equal(expected, Estimate(json));

    [Fact]
    public void EstimateJson_Images_SqrtOfBase64Length()
    {
        Assert.Equal(48, Estimate("[" + Image(1000) + "]"));
        Assert.Equal(15, Estimate("[" + Image(96) + "]"));
    }

    [Fact]
    public void EstimateJson_Mixed_FudgeAppliedOnceToTheSum()
    {
        // 2 + 10 + 3 = 15 -> ceil(22.5) = 23 (per block it would be 3 + 15 + 5 = 23 too; the next one differs).
        Assert.Equal(23, Estimate("[" + Text("Hello world") + "," + Image(96) + "," + Text("Goodbye world") + "]"));
        // 1 + 1 = 2 -> 3, whereas per-block rounding would give 2 + 2 = 4.
        Assert.Equal(3, Estimate("[" + Text("Test") + "," + Text("Test") + "]"));
    }

    [Theory]
    [InlineData(1000, 32)]
    [InlineData(10, 4)]
    [InlineData(16, 4)]
    [InlineData(96, 10)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    public void ImageTokens_Length_CeilSqrt(int length, int expected) => Assert.Equal(expected, TokenEstimator.ImageTokens(length));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 3)]
    [InlineData(15, 23)]
    [InlineData(300, 450)]
    [InlineData(63, 95)]
    public void ApplyFudgeFactor_Total_CeilTimesOneAndAHalf(long total, int expected) => Assert.Equal(expected, TokenEstimator.ApplyFudgeFactor(total));

    [Theory]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("[{\"type\":\"image\",\"source\":{\"data\":null}}]")]
    [InlineData("[{\"type\":\"text\",\"text\":\"a\"}")]
    [InlineData("[] []")]
    public void EstimateJson_Malformed_ThrowsInvalidData(string json)
        => Assert.Throws<InvalidDataException>(() => Estimate(json));

    // Expected values printed by npm tiktoken 1.0.21 (o200k_base) on the same JavaScript strings, then ×1.5 ceil.
    [Theory]
    [InlineData("[{\"type\":\"text\",\"text\":\"a \\ud800 b\"}]", 5)]
    [InlineData("[{\"type\":\"text\",\"text\":\"caf\\u00e9 \\n tab\\t\\\"q\\\"\"}]", 12)]
    [InlineData("[{\"type\":\"text\",\"text\":\"x\\udc00\\ud83d\\ude00\"}]", 5)]
    public void EstimateJson_EscapedTextIncludingLoneSurrogates_CountsAsJavaScriptDoes(string json, int expected)
        => Assert.Equal(expected, Estimate(json));
}
