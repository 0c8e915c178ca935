using System.Text;
using AgentCore.Conversations;

namespace AgentCore.Tests.Conversations;

public sealed class ApiMetricsTests
{
    private const string First = """{"ts":1,"type":"say","say":"text","text":"task"}""";

    private static double Walk(params string[] messages) =>
        ApiMetrics.GetContextTokens(Encoding.UTF8.GetBytes("[" + string.Join(",", [First, .. messages]) + "]"));

    private static string Started(string json) =>
        $$"""{"ts":2,"type":"say","say":"api_req_started","text":{{System.Text.Json.JsonSerializer.Serialize(json, TestJsonContext.Default.String)}}}""";

    // Parity spec 2.5 (test).
    [Fact]
    public void GetContextTokens_OneRequest_SumsInAndOut() =>
        Assert.Equal(300, Walk(Started("""{"tokensIn":100,"tokensOut":200,"cacheWrites":5,"cacheReads":10,"cost":0.005}""")));

    [Fact]
    public void GetContextTokens_TwoRequests_UsesLast() =>
        Assert.Equal(200, Walk(Started("""{"tokensIn":10,"tokensOut":20}"""), Started("""{"tokensIn":50,"tokensOut":150}""")));

    [Fact]
    public void GetContextTokens_CondenseLast_UsesNewContextTokens() =>
        Assert.Equal(400, Walk(Started("""{"tokensIn":10,"tokensOut":20}"""),
            """{"ts":3,"type":"say","say":"condense_context","contextCondense":{"cost":0.1,"prevContextTokens":900,"newContextTokens":400,"summary":"s"}}"""));

    [Fact]
    public void GetContextTokens_ZeroFiguresAtEnd_WalksBack() =>
        Assert.Equal(200, Walk(Started("""{"tokensIn":100}"""), Started("""{"tokensOut":200}"""), Started("""{"cacheWrites":5}"""),
            Started("""{"cacheReads":10}"""), Started("""{"cost":0.005}""")));

    [Fact]
    public void GetContextTokens_NullTokensIn_Zero() =>
        Assert.Equal(0, Walk(Started("""{"tokensIn":null,"tokensOut":null,"cacheWrites":null,"cacheReads":null,"cost":null}""")));

    [Fact]
    public void GetContextTokens_FirstMessageIsSkipped() =>
        Assert.Equal(0, ApiMetrics.GetContextTokens(Encoding.UTF8.GetBytes("[" + Started("""{"tokensIn":100}""") + "]")));

    [Fact]
    public void GetContextTokens_UnparseableText_Skipped() =>
        Assert.Equal(30, Walk(Started("""{"tokensIn":10,"tokensOut":20}"""), Started("{not json")));

    [Fact]
    public void GetContextTokens_ApiReqFinished_MergedIntoStarted() =>
        Assert.Equal(70, Walk(Started("""{"apiProtocol":"openai"}"""), """{"ts":3,"type":"say","say":"api_req_finished","text":"{\"tokensIn\":30,\"tokensOut\":40}"}"""));

    [Fact]
    public void GetContextTokens_CondenseWithoutFigure_WalksBack() =>
        Assert.Equal(30, Walk(Started("""{"tokensIn":10,"tokensOut":20}"""), """{"ts":3,"type":"say","say":"condense_context"}"""));

    [Fact]
    public void GetContextTokens_AskNotSay_Ignored() =>
        Assert.Equal(0, Walk("""{"ts":3,"type":"ask","say":"api_req_started","text":"{\"tokensIn\":5}"}"""));

    [Fact]
    public void GetContextTokens_NotArray_Throws() =>
        Assert.Throws<InvalidDataException>(() => ApiMetrics.GetContextTokens("{}"u8));

    [Fact]
    public void GetContextTokens_HugeNumber_InfinityAsJavaScript() =>
        Assert.Equal(double.PositiveInfinity, Walk(Started("""{"tokensIn":1e400,"tokensOut":1}""")));

    [Fact]
    public void GetTokenUsage_UiSample_SumsRequestsAndCondenseCost()
    {
        TaskTokenUsage u = ApiMetrics.GetTokenUsage(ConversationTests.TestData("ui_messages.json"));
        Assert.Equal(new TaskTokenUsage(130, 50, 20, 10, 0.011628000000000001, 1200), u); // 0 + 0.001128 + 0.0105 in doubles, as node prints it
    }

    [Fact]
    public void GetTokenUsage_NoCacheFigures_Undefined()
    {
        TaskTokenUsage u = ApiMetrics.GetTokenUsage(Encoding.UTF8.GetBytes("[" + First + "," + Started("""{"tokensIn":1,"tokensOut":2,"cost":0.1}""") + "," + Started("""{"tokensIn":true,"cost":0.2}""") + "]"));
        Assert.Null(u.TotalCacheWrites);
        Assert.Null(u.TotalCacheReads);
        Assert.Equal(1, u.TotalTokensIn); // typeof true !== "number": not summed
        Assert.Equal(1, u.ContextTokens); // but (true || 0) + (undefined || 0) is 1 in the walk
        Assert.Equal(0.30000000000000004, u.TotalCost);
    }

    [Fact]
    public void GetTokenUsage_FinishedMergedFiguresCounted()
    {
        string finished = Started("""{"tokensIn":7,"cacheReads":3}""").Replace("api_req_started", "api_req_finished", StringComparison.Ordinal);
        TaskTokenUsage u = ApiMetrics.GetTokenUsage(Encoding.UTF8.GetBytes("[" + First + "," + Started("""{"tokensIn":5}""") + "," + finished + "]"));
        Assert.Equal(7, u.TotalTokensIn);
        Assert.Equal(3, u.TotalCacheReads);
    }
}
