using System.Text.Json;
using AgentCore.Host.Mcp;
using AgentCore.Host.Rpc;
using AgentCore.Host.Tests.Rpc;
using AgentCore.Symbols;

namespace AgentCore.Host.Tests.Mcp;

/// <summary>find_symbol: the symbols query operation over the workspace roots, with the session's index cache.</summary>
public sealed class McpFindSymbolTests : IDisposable
{
    private const string Init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    private static readonly RpcServerOptions s_options = new()
    {
        CancelMethod = "notifications/cancelled",
        CancelIdField = "requestId",
        AnswerCancelledRequests = false,
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("agentcore-mcp-symbols-").FullName;

    public McpFindSymbolTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "src"));
        File.WriteAllText(Path.Combine(_dir, "src", "shapes.py"),
            "class Shape:\n    def area(self):\n        return 0\n\n\nclass ShapeCircle(Shape):\n    def area(self):\n        return 3\n");
    }

    public void Dispose()
    {
        File.Delete(SymbolIndex.DefaultSnapshotPath(_dir));
        File.Delete(SymbolIndex.DefaultSnapshotPath(Path.Combine(_dir, "src")));
        Directory.Delete(_dir, recursive: true);
    }

    private JsonElement[] Run(params string[] messages) =>
        [.. RpcHarness.RunLines(string.Join("\n", [Init, .. messages]) + "\n", s => _ = new McpSession(s, [_dir]), s_options)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static JsonElement Get(JsonElement[] answers, int id) => answers.Single(a => a.GetProperty("id").GetInt32() == id);

    private static string Call(int id, string arguments) =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"tools/call\",\"params\":{{\"name\":\"find_symbol\",\"arguments\":{arguments}}}}}";

    [Fact]
    public void ToolsList_FindSymbolWithSchemas()
    {
        JsonElement tools = Get(Run("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"), 1).GetProperty("result").GetProperty("tools");
        JsonElement tool = tools.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "find_symbol");
        Assert.Equal(["query"], tool.GetProperty("inputSchema").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["matches"], tool.GetProperty("outputSchema").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void FindSymbol_RootOrDirectory_StructuredMatchesBestFirst()
    {
        JsonElement[] r = Run(Call(1, "{\"query\":\"shape\"}"), Call(2, "{\"query\":\"area\",\"limit\":1,\"path\":\"src\"}"));
        JsonElement first = Get(r, 1).GetProperty("result");
        Assert.False(first.TryGetProperty("isError", out _));
        JsonElement[] matches = [.. first.GetProperty("structuredContent").GetProperty("matches").EnumerateArray()];
        Assert.Equal(["Shape", "ShapeCircle"], matches.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal("src/shapes.py", matches[0].GetProperty("path").GetString());
        Assert.Equal([1.0, 0.8], matches.Select(m => m.GetProperty("score").GetDouble()));
        Assert.Equal(first.GetProperty("structuredContent").GetRawText(), first.GetProperty("content")[0].GetProperty("text").GetString());
        JsonElement area = Assert.Single(Get(r, 2).GetProperty("result").GetProperty("structuredContent").GetProperty("matches").EnumerateArray());
        Assert.Equal("shapes.py", area.GetProperty("path").GetString());
        Assert.Equal(2, area.GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void FindSymbol_BadArguments_Minus32602NamingTheField_OperationRefusalsAreToolErrors()
    {
        JsonElement[] r = Run(
            Call(1, "{}"),
            Call(2, "{\"query\":5}"),
            Call(3, "{\"query\":\"a\",\"limit\":\"all\"}"),
            Call(4, "{\"query\":\"a\",\"limit\":0}"),
            Call(5, "{\"query\":\"a\",\"path\":\"/etc\"}"),
            Call(6, "{\"query\":\"a\",\"path\":\"src/shapes.py\"}"));
        JsonElement e1 = Get(r, 1).GetProperty("error");
        Assert.Equal(-32602, e1.GetProperty("code").GetInt32());
        Assert.Equal("Invalid arguments for tool find_symbol: query is required", e1.GetProperty("message").GetString());
        Assert.Equal("query", Get(r, 2).GetProperty("error").GetProperty("data").GetProperty("target").GetString());
        Assert.Equal("limit", Get(r, 3).GetProperty("error").GetProperty("data").GetProperty("target").GetString());
        foreach ((int id, string text) in new[] { (4, "limit: must be a number from 1 to 1000000"), (5, "/etc: is outside the workspace"), (6, "/src/shapes.py: not a directory") })
        {
            JsonElement result = Get(r, id).GetProperty("result");
            Assert.True(result.GetProperty("isError").GetBoolean());
            Assert.Contains(text, result.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        }
    }
}
