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
    public void TokensCount_ShortText_RunsOnTheReaderThread_AnswersInOrderAndIdsReusable()
    {
        // Inline requests are answered before the next message is read: 200 requests reusing one id all succeed,
        // in order (handed over to pool threads, some would meet "a request with this id is still in progress").
        string[] messages = [Init, .. Enumerable.Range(1, 200).Select(i =>
            $"{{\"jsonrpc\":\"2.0\",\"id\":\"same\",\"method\":\"tokens/count\",\"params\":{{\"text\":\"{string.Join(" ", Enumerable.Repeat("a", i))}\"}}}}")];
        JsonElement[] r = Run(messages);
        Assert.Equal(201, r.Length);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), r.Skip(1).Select(a => a.GetProperty("result").GetProperty("total").GetInt64()));
    }

    [Theory]
    [InlineData("{\"text\":\"hello\"}", true)]
    [InlineData("", true)]
    [InlineData("{\"json\":\"[]\"}", true)]
    [InlineData("{\"text\":\"a\",\"paths\":[\"x\"]}", false)]
    [InlineData("{\"path\":\"conversation.json\"}", false)]
    public void ShortText_InlineOnlyWithoutFiles(string parameters, bool inline) =>
        Assert.Equal(inline, ServeSession.ShortText(System.Text.Encoding.UTF8.GetBytes(parameters)));

    [Fact]
    public void ShortText_LongTextIsHandedOver()
    {
        Assert.True(ServeSession.ShortText(System.Text.Encoding.UTF8.GetBytes($"{{\"text\":\"{new string('a', 4000)}\"}}")));
        Assert.False(ServeSession.ShortText(System.Text.Encoding.UTF8.GetBytes($"{{\"text\":\"{new string('a', 5000)}\"}}")));
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

public sealed class ServeWorkspaceTests
{
    [Fact]
    public void WorkspaceOpen_ThenFilesAndDefinitionsInside_OutsideRefused()
    {
        string dir = Directory.CreateTempSubdirectory("agentcore-serve-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.ts"), "export class Alpha {\n    one(): number {\n        return 1;\n    }\n}\n");
            string root = JsonSerializer.Serialize(dir, AgentCore.Host.Rpc.RpcJsonContext.Default.String);
            string[] lines = RpcHarness.RunLines(string.Join("\n",
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"files/list\",\"params\":{\"path\":\".\"}}",
                $"{{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"workspace/open\",\"params\":{{\"root\":{root}}}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"files/list\",\"params\":{\"path\":\".\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"definitions/list\",\"params\":{\"path\":\"a.ts\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"definitions/list\",\"params\":{\"path\":\"/etc/passwd\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tokens/count\",\"params\":{\"paths\":[\"a.ts\",\"../x\"]}}",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tokens/count\",\"params\":{\"paths\":[\"a.ts\"]}}") + "\n",
                s => _ = new ServeSession(s));
            JsonElement[] r = [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];
            JsonElement Get(int id) => r.Single(a => a.GetProperty("id").GetInt32() == id);
            Assert.Equal("outside_workspace", Get(1).GetProperty("error").GetProperty("data").GetProperty("code").GetString());
            Assert.Equal(dir, Get(2).GetProperty("result").GetProperty("root").GetString());
            Assert.Contains("a.ts", Get(3).GetProperty("result").GetProperty("output").GetString(), StringComparison.Ordinal);
            Assert.Contains("Alpha", Get(4).GetProperty("result").GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal("outside_workspace", Get(5).GetProperty("error").GetProperty("data").GetProperty("code").GetString());
            Assert.Equal("outside_workspace", Get(6).GetProperty("error").GetProperty("data").GetProperty("code").GetString());
            Assert.StartsWith("../x: ", Get(6).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.True(Get(7).GetProperty("result").GetProperty("total").GetInt64() > 5);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
