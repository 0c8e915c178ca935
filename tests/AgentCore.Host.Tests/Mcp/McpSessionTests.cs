using System.Text.Json;
using System.Text.Json.Serialization;
using AgentCore.Host.Mcp;
using AgentCore.Host.Rpc;
using AgentCore.Host.Tests.Rpc;
using AgentCore.Operations;

namespace AgentCore.Host.Tests.Mcp;

public sealed record ShoutArgs(string Text, bool Fail = false);

public sealed record ShoutResult(string Text, IReadOnlyList<string> Roots);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ShoutArgs))]
[JsonSerializable(typeof(ShoutResult))]
internal sealed partial class McpTestJsonContext : JsonSerializerContext;

public sealed class McpSessionTests
{
    private const string Init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"VERSION\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private const string Meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private static readonly RpcServerOptions s_options = new()
    {
        CancelMethod = "notifications/cancelled",
        CancelIdField = "requestId",
        AnswerCancelledRequests = false,
    };

    private static McpTool ShoutTool() => McpTool.Create(
        "shout", "Shout", "Upper-cases text.",
        "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"},\"fail\":{\"type\":\"boolean\"}},\"required\":[\"text\"]}",
        "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"},\"roots\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},\"required\":[\"text\",\"roots\"]}",
        McpTestJsonContext.Default.ShoutArgs, McpTestJsonContext.Default.ShoutResult,
        async (a, ctx, ct) =>
        {
            if (a.Fail)
            {
                throw new OperationException(new OperationError(ErrorCodes.NotFound, "/x: no such file or directory", "/x"));
            }

            if (a.Text == "wait")
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return new ShoutResult(a.Text.ToUpperInvariant(), await ctx.GetRootsAsync(ct));
        });

    private static void Setup(RpcServer server) => _ = new McpSession(server, ["/r"], [ShoutTool()]);

    private static JsonElement[] Run(params string[] messages) =>
        [.. RpcHarness.RunLines(string.Join("\n", messages) + "\n", Setup, s_options).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    [Theory]
    [InlineData("2025-06-18", "2025-06-18")]
    [InlineData("2025-11-25", "2025-11-25")]
    [InlineData("2024-11-05", "2025-11-25")]
    public void Initialize_NegotiatesTheRevision(string asked, string answered)
    {
        JsonElement r = Assert.Single(Run(Init.Replace("VERSION", asked, StringComparison.Ordinal)));
        JsonElement result = r.GetProperty("result");
        Assert.Equal(answered, result.GetProperty("protocolVersion").GetString());
        Assert.Equal("agentcore", result.GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.True(result.GetProperty("capabilities").TryGetProperty("tools", out _));
    }

    [Fact]
    public void ToolsList_BeforeInitializeWithoutMeta_Refused()
    {
        JsonElement r = Assert.Single(Run("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"));
        Assert.Equal(-32600, r.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public void Legacy_ListAndCall_StructuredContentAndTextWithoutResultType()
    {
        JsonElement[] r = Run(
            Init.Replace("VERSION", "2025-06-18", StringComparison.Ordinal),
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"shout\",\"arguments\":{\"text\":\"hi\"}}}");
        JsonElement list = r.Single(e => e.GetProperty("id").GetInt32() == 1).GetProperty("result");
        JsonElement tool = Assert.Single(list.GetProperty("tools").EnumerateArray());
        Assert.Equal("shout", tool.GetProperty("name").GetString());
        Assert.Equal("object", tool.GetProperty("inputSchema").GetProperty("type").GetString());
        Assert.Equal("object", tool.GetProperty("outputSchema").GetProperty("type").GetString());
        Assert.False(list.TryGetProperty("resultType", out _));
        JsonElement call = r.Single(e => e.GetProperty("id").GetInt32() == 2).GetProperty("result");
        Assert.Equal("HI", call.GetProperty("structuredContent").GetProperty("text").GetString());
        Assert.Equal("/r", call.GetProperty("structuredContent").GetProperty("roots")[0].GetString());
        Assert.Equal(call.GetProperty("structuredContent").GetRawText(), call.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.False(call.TryGetProperty("isError", out _));
    }

    [Fact]
    public void Modern_DiscoverListCall_WithoutInitialize()
    {
        JsonElement[] r = Run(
            $"{{\"jsonrpc\":\"2.0\",\"id\":\"d\",\"method\":\"server/discover\",\"params\":{{{Meta}}}}}",
            $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{{{Meta}}}}}",
            $"{{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{{{Meta},\"name\":\"shout\",\"arguments\":{{\"text\":\"x\"}}}}}}");
        JsonElement discover = r.Single(e => e.GetProperty("id").ValueKind == JsonValueKind.String).GetProperty("result");
        Assert.Equal("complete", discover.GetProperty("resultType").GetString());
        Assert.Equal(["2026-07-28", "2025-11-25", "2025-06-18"], discover.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("agentcore", discover.GetProperty("_meta").GetProperty("io.modelcontextprotocol/serverInfo").GetProperty("name").GetString());
        JsonElement list = r.Single(e => e.GetProperty("id").ValueKind == JsonValueKind.Number && e.GetProperty("id").GetInt32() == 1).GetProperty("result");
        Assert.Equal("complete", list.GetProperty("resultType").GetString());
        Assert.True(list.GetProperty("ttlMs").GetInt32() > 0);
        Assert.Equal("public", list.GetProperty("cacheScope").GetString());
        JsonElement call = r.Single(e => e.GetProperty("id").ValueKind == JsonValueKind.Number && e.GetProperty("id").GetInt32() == 2).GetProperty("result");
        Assert.Equal("complete", call.GetProperty("resultType").GetString());
        Assert.Equal("X", call.GetProperty("structuredContent").GetProperty("text").GetString());
    }

    [Fact]
    public void Modern_UnsupportedVersion_Minus32022ListingTheSupportedOnes()
    {
        JsonElement r = Assert.Single(Run("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"1900-01-01\"}}}"));
        JsonElement error = r.GetProperty("error");
        Assert.Equal(-32022, error.GetProperty("code").GetInt32());
        Assert.Equal("1900-01-01", error.GetProperty("data").GetProperty("requested").GetString());
        Assert.Contains("2026-07-28", error.GetProperty("data").GetProperty("supported").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void Call_UnknownToolOrBadArguments_Minus32602_OperationFailure_IsError()
    {
        JsonElement[] r = Run(
            Init.Replace("VERSION", "2025-11-25", StringComparison.Ordinal),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\",\"arguments\":{}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"shout\",\"arguments\":{}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"shout\",\"arguments\":{\"text\":\"a\",\"fail\":true}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"shout\",\"arguments\":{\"text\":7}}}");
        JsonElement Get(int id) => r.Single(e => e.GetProperty("id").GetInt32() == id);
        Assert.Equal("Unknown tool: nope", Get(1).GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(-32602, Get(2).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("text is required", Get(2).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        JsonElement failed = Get(3).GetProperty("result");
        Assert.True(failed.GetProperty("isError").GetBoolean());
        Assert.Equal("/x: no such file or directory", failed.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Contains("text has the wrong type", Get(4).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelled_NoAnswerForTheCancelledCall()
    {
        using var h = new RpcHarness(Setup, s_options);
        h.Send(Init.Replace("VERSION", "2025-11-25", StringComparison.Ordinal));
        Assert.Equal(0, h.Next()!.Value.GetProperty("id").GetInt32());
        h.Send("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"shout\",\"arguments\":{\"text\":\"wait\"}}}");
        h.Send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":5}}");
        h.Send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}");
        Assert.Equal(6, h.Next()!.Value.GetProperty("id").GetInt32());
        h.EndInput();
        Assert.Null(h.Next());
    }

    [Fact]
    public void ClientRoots_FetchedAfterInitializedWhenNoRootOption()
    {
        string dir = Path.GetFullPath(Path.GetTempPath());
        using var h = new RpcHarness(s => _ = new McpSession(s, [], [ShoutTool()]), s_options);
        h.Send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"roots\":{\"listChanged\":true}},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        Assert.Equal(0, h.Next()!.Value.GetProperty("id").GetInt32());
        h.Send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        JsonElement request = h.Next()!.Value;
        Assert.Equal("roots/list", request.GetProperty("method").GetString());
        string id = request.GetProperty("id").GetRawText();
        h.Send($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{{\"roots\":[{{\"uri\":\"{new Uri(dir).AbsoluteUri}\",\"name\":\"tmp\"}}]}}}}");
        h.Send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"shout\",\"arguments\":{\"text\":\"r\"}}}");
        JsonElement call = h.Next()!.Value.GetProperty("result");
        Assert.Equal(dir, call.GetProperty("structuredContent").GetProperty("roots")[0].GetString());
    }
}
