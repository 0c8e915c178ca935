using System.Text.Json;
using AgentCore.Host.Rpc;

namespace AgentCore.Host.Tests.Rpc;

public sealed class ServeSessionTests
{
    private const string Init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"fixes\":false,\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";

    private static JsonElement[] Run(params string[] messages) =>
        [.. RpcHarness.RunLines(string.Join("\n", messages) + "\n", s => _ = new ServeSession(s)).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static JsonElement Get(JsonElement[] answers, int id) => answers.Single(a => a.GetProperty("id").GetInt32() == id);

    [Fact]
    public void Request_BeforeInitialize_ServerNotInitialized()
    {
        JsonElement r = Assert.Single(Run("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tokens/count\",\"params\":{\"text\":\"a\"}}"));
        Assert.Equal(-32002, r.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public void Initialize_ListsMethodsEncodingsAndEchoesFixes()
    {
        JsonElement r = Get(Run(Init.Replace("false", "true", StringComparison.Ordinal)), 0).GetProperty("result");
        Assert.Equal("agentcore", r.GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.True(r.GetProperty("fixes").GetBoolean());
        Assert.Equal(["o200k_base", "cl100k_base"], r.GetProperty("encodings").EnumerateArray().Select(e => e.GetString()));
        string?[] methods = [.. r.GetProperty("capabilities").GetProperty("methods").EnumerateArray().Select(e => e.GetString())];
        Assert.Contains("tokens/count", methods);
        Assert.Contains("tokens/estimate", methods);
    }

    [Fact]
    public void TokensCountEncodeEstimate_TheOperationsResults()
    {
        JsonElement[] r = Run(Init,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tokens/count\",\"params\":{\"text\":\"hello world\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tokens/encode\",\"params\":{\"text\":\"hello world\",\"encoding\":\"cl100k_base\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tokens/estimate\",\"params\":{\"json\":\"[{\\\"type\\\":\\\"text\\\",\\\"text\\\":\\\"hello world\\\"}]\"}}");
        JsonElement count = Get(r, 1).GetProperty("result");
        Assert.Equal(2, count.GetProperty("total").GetInt64());
        Assert.Equal(2, count.GetProperty("inputs")[0].GetProperty("count").GetInt32());
        JsonElement encode = Get(r, 2).GetProperty("result");
        Assert.Equal([15339, 1917], encode.GetProperty("inputs")[0].GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(3, Get(r, 3).GetProperty("result").GetProperty("tokens").GetInt32());
    }

    [Fact]
    public void TokensCount_BadEncodingOrFilePath_ErrorsNamingTheField()
    {
        JsonElement[] r = Run(Init,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tokens/count\",\"params\":{\"text\":\"a\",\"encoding\":\"p50k\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tokens/count\",\"params\":{\"paths\":[\"/etc/passwd\"]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tokens/count\",\"params\":{}}");
        JsonElement e1 = Get(r, 1).GetProperty("error");
        Assert.Equal(-32602, e1.GetProperty("code").GetInt32());
        Assert.Equal("encoding", e1.GetProperty("data").GetProperty("target").GetString());
        JsonElement e2 = Get(r, 2).GetProperty("error");
        Assert.Equal(-32000, e2.GetProperty("code").GetInt32());
        Assert.Equal("outside_workspace", e2.GetProperty("data").GetProperty("code").GetString());
        Assert.Equal("text", Get(r, 3).GetProperty("error").GetProperty("data").GetProperty("target").GetString());
    }

    [Fact]
    public void Shutdown_ThenRequestsRefused_ExitStopsReading()
    {
        JsonElement[] r = Run(Init,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tokens/count\",\"params\":{\"text\":\"a\"}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tokens/count\",\"params\":{\"text\":\"a\"}}");
        Assert.Equal(3, r.Length);
        Assert.Equal(JsonValueKind.Object, Get(r, 1).GetProperty("result").ValueKind);
        Assert.Equal(-32600, Get(r, 2).GetProperty("error").GetProperty("code").GetInt32());
    }
}
