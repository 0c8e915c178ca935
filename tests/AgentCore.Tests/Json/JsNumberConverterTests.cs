using System.Text.Json;
using AgentCore.Streaming;

namespace AgentCore.Tests.Json;

// Expected text printed by Node.js `JSON.stringify` on the same values.
public sealed class JsNumberConverterTests
{
    [Theory]
    [InlineData(5.200000000000001e-6, "0.000005200000000000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.0105, "0.0105")]
    public void TaskUsage_Cost_IsWrittenAsJavaScriptPrintsIt(double cost, string expected)
    {
        string json = JsonSerializer.Serialize(new TaskUsage(1, 2, 0, 0, cost), StreamingJsonContext.Default.TaskUsage);
        Assert.Equal($"{{\"tokensIn\":1,\"tokensOut\":2,\"cacheWrites\":0,\"cacheReads\":0,\"cost\":{expected}}}", json);
        Assert.Equal(cost, JsonSerializer.Deserialize(json, StreamingJsonContext.Default.TaskUsage).Cost);
    }

    [Fact]
    public void TaskUsage_NoCost_IsLeftOut()
    {
        string json = JsonSerializer.Serialize(new TaskUsage(1, 2, 0, 0, null), StreamingJsonContext.Default.TaskUsage);
        Assert.Equal("{\"tokensIn\":1,\"tokensOut\":2,\"cacheWrites\":0,\"cacheReads\":0}", json);
    }
}
