using System.Text.Json;
using AgentCore.Tests.Streaming.Http;

namespace AgentCore.Host.Tests.Servers;

/// <summary>conversation/* and chat/start in the published binary (AOT: the source-generated bindings and the HTTP path).</summary>
public sealed class ServeConversationChatBinaryTests
{
    private static JsonElement[] Lines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    [Fact]
    public void Serve_ConversationCreateAppendEstimateSaveLoad_AndExit0()
    {
        string dir = Directory.CreateTempSubdirectory("agentcore-convbin-").FullName;
        try
        {
            string root = JsonSerializer.Serialize(dir, AgentCore.Host.Rpc.RpcJsonContext.Default.String);
            string input = string.Join("\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"conversation/create\",\"params\":{\"messages\":[{\"role\":\"user\",\"content\":\"hello world\"}]}}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"conversation/append\",\"params\":{\"conversationId\":\"c1\",\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"hello world\"}]}]}}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"conversation/estimate\",\"params\":{\"conversationId\":\"c1\"}}",
                $"{{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"workspace/open\",\"params\":{{\"root\":{root}}}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"conversation/save\",\"params\":{\"conversationId\":\"c1\",\"path\":\"h.json\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"conversation/load\",\"params\":{\"path\":\"h.json\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"conversation/truncate\",\"params\":{\"conversationId\":\"c2\",\"contextWindow\":1000,\"threshold\":0,\"totalTokens\":1}}") + "\n";
            ProcessResult r = AgentCoreProcess.Run(["serve"], input);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("", r.StdErr);
            JsonElement[] m = Lines(r.StdOut);
            Assert.Equal(8, m.Length);
            Assert.Equal("{\"conversationId\":\"c1\",\"count\":2,\"messageTokens\":[3,3],\"tokens\":6}", m[3].GetProperty("result").GetRawText());
            Assert.Equal("[{\"role\":\"user\",\"content\":\"hello world\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"hello world\"}]}]",
                File.ReadAllText(Path.Combine(dir, "h.json")));
            Assert.Equal("{\"conversationId\":\"c2\",\"count\":2,\"tokens\":6}", m[6].GetProperty("result").GetRawText());
            // 1000 x 0.9 - 8192 < 0: over the allowed tokens; 2 messages: nothing to remove, still "truncate".
            Assert.Equal("truncate", m[7].GetProperty("result").GetProperty("decision").GetString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Serve_ChatStart_ChunkNotificationsThenResult()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead() +
                "data: {\"choices\":[{\"delta\":{\"content\":\"Hello\"}}]}\n\n" +
                "data: {\"choices\":[{\"delta\":{\"content\":\" there\"}}]}\n\n" +
                "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}\n\ndata: [DONE]\n\n", ct);
            return false;
        });
        string input = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}\n" +
            $"{{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"chat/start\",\"params\":{{\"provider\":\"openai\",\"model\":\"m1\",\"baseUrl\":\"{server.BaseUrl}\",\"apiKey\":\"sk-binary-test-key\",\"messages\":[{{\"role\":\"user\",\"content\":\"hi\"}}]}}}}\n";
        ProcessResult r = await Task.Run(() => AgentCoreProcess.Run(["serve"], input));
        Assert.Equal(0, r.ExitCode);
        string[] lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "{\"jsonrpc\":\"2.0\",\"method\":\"chat/chunk\",\"params\":{\"requestId\":2,\"chunk\":{\"type\":\"text\",\"text\":\"Hello\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"chat/chunk\",\"params\":{\"requestId\":2,\"chunk\":{\"type\":\"text\",\"text\":\" there\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"chat/chunk\",\"params\":{\"requestId\":2,\"chunk\":{\"type\":\"usage\",\"inputTokens\":5,\"outputTokens\":2}}}",
        ], lines[1..4]);
        JsonElement result = JsonDocument.Parse(lines[4]).RootElement.GetProperty("result");
        Assert.Equal("stop", result.GetProperty("finish").GetString());
        Assert.Equal(2, result.GetProperty("usage").GetProperty("tokensOut").GetInt64());
        Assert.DoesNotContain("sk-binary-test-key", r.StdOut + r.StdErr, StringComparison.Ordinal);
    }
}
