using System.Buffers;
using System.Text;
using System.Text.Json;
using AgentCore.Host.Rpc;
using AgentCore.Streaming;
using AgentCore.Tests.Streaming.Http;

namespace AgentCore.Host.Tests.Rpc;

/// <summary>chat/start against a loopback provider serving the recorded streams (TestData/Streaming), in process.</summary>
public sealed class ServeChatTests
{
    private const string Init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}";
    private const string Key = "sk-test-0123456789-secret";

    private static string Fixture(string format, string scenario) =>
        Path.Combine(AppContext.BaseDirectory, "TestData", "Streaming", format, scenario, format == "ollama" ? "stream.ndjson" : "stream.sse");

    /// <summary>The lines `agentcore stream` / `chat --json` print for the fixture.</summary>
    private static async Task<(string[] Lines, TaskUsage Usage)> Expected(string format, string scenario, string model)
    {
        var buffer = new ArrayBufferWriter<byte>();
        DecodeStreamResult decoded = await StreamOperations.DecodeAsync(
            new DecodeStreamRequest { Format = format, Path = Fixture(format, scenario), Model = model }, new ChunkJsonLineWriter(buffer), default);
        return (Encoding.UTF8.GetString(buffer.WrittenSpan).Split('\n', StringSplitOptions.RemoveEmptyEntries), decoded.Usage);
    }

    private static LoopbackHttpServer ServeFixture(string format, string scenario) =>
        new(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead(format == "ollama" ? "application/x-ndjson" : "text/event-stream"), ct);
            await stream.WriteAsync(await File.ReadAllBytesAsync(Fixture(format, scenario), ct), ct);
            return false;
        });

    private static string Start(int id, string provider, string baseUrl, string extra = "") =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"chat/start\",\"params\":{{\"provider\":\"{provider}\",\"model\":\"m1\",\"baseUrl\":\"{baseUrl}\",\"apiKey\":\"{Key}\"," +
        $"\"messages\":[{{\"role\":\"user\",\"content\":\"Say hi\"}},{{\"role\":\"assistant\",\"content\":\"hi\"}},{{\"role\":\"user\",\"content\":[{{\"type\":\"text\",\"text\":\"again\"}}]}}]{extra}}}}}";

    [Theory]
    [InlineData("openai", "openai-chat", "plain-text")]
    [InlineData("openai", "openai-chat", "parallel-tools")]
    [InlineData("anthropic", "anthropic", "reasoning")]
    [InlineData("openai-responses", "openai-responses", "plain-text")]
    [InlineData("gemini", "gemini", "reasoning")]
    [InlineData("ollama", "ollama", "parallel-tools")]
    public async Task ChatStart_ChunksInOrderAsTheCliPrintsThem_ThenTheResult(string provider, string format, string scenario)
    {
        await using LoopbackHttpServer server = ServeFixture(format, scenario);
        (string[] expected, TaskUsage usage) = await Expected(format, scenario, "m1");
        using var h = new RpcHarness(s => _ = new ServeSession(s));
        h.Send(Init);
        Assert.Equal(0, h.Next()!.Value.GetProperty("id").GetInt32());
        h.Send(Start(7, provider, server.BaseUrl));
        var chunks = new List<string>();
        JsonElement answer;
        while (true)
        {
            JsonElement m = h.Next()!.Value;
            if (m.TryGetProperty("method", out JsonElement method))
            {
                Assert.Equal("chat/chunk", method.GetString());
                Assert.Equal(7, m.GetProperty("params").GetProperty("requestId").GetInt32());
                chunks.Add(m.GetProperty("params").GetProperty("chunk").GetRawText());
                continue;
            }

            answer = m;
            break;
        }

        Assert.Equal(expected, chunks);
        JsonElement result = answer.GetProperty("result");
        Assert.Equal(scenario == "parallel-tools" ? "tool_calls" : "stop", result.GetProperty("finish").GetString());
        Assert.Equal(1, result.GetProperty("attempts").GetInt32());
        JsonElement u = result.GetProperty("usage");
        Assert.Equal(usage.TokensIn, u.GetProperty("tokensIn").GetInt64());
        Assert.Equal(usage.TokensOut, u.GetProperty("tokensOut").GetInt64());
        Assert.Equal(usage.CacheReads, u.GetProperty("cacheReads").GetInt64());
        if (usage.Cost is double cost)
        {
            byte[] js = new byte[32];
            Assert.Equal(Encoding.UTF8.GetString(js, 0, AgentCore.Json.JsJsonWriter.FormatJsNumber(cost, js)), u.GetProperty("cost").GetRawText());
        }
        Assert.True(scenario == "plain-text" && format == "openai-chat" || usage.TokensOut > 0); // the one recording without usage

        LoopbackRequest request = Assert.Single(server.Requests);
        Assert.Contains("again", request.Body, StringComparison.Ordinal);
        Assert.Contains(Key, string.Join("\n", request.Headers.Values), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, h.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void ChatStart_BadParams_ErrorsNameTheField()
    {
        const string Url = "http://127.0.0.1:9/v1";
        string[] lines = RpcHarness.RunLines(string.Join("\n",
            Init,
            Start(1, "nope", Url),
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"chat/start\",\"params\":{\"provider\":\"openai\",\"messages\":[]}}",
            Start(3, "openai", "ftp://x/v1"),
            Start(4, "openai", Url, ",\"timeoutSeconds\":-1"),
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"chat/start\",\"params\":{\"provider\":\"openai\",\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"chat/start\",\"params\":{\"provider\":\"openai\",\"model\":\"m\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"chat/start\",\"params\":{\"provider\":\"openai\",\"model\":\"m\",\"prompt\":\"x\",\"apiKey\":5}}") + "\n",
            s => _ = new ServeSession(s));
        JsonElement[] r = [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];
        string Target(int id) => r.Single(a => a.GetProperty("id").GetInt32() == id).GetProperty("error").GetProperty("data").GetProperty("target").GetString()!;
        Assert.Equal("provider", Target(1));
        Assert.Equal("model", Target(2));
        Assert.Equal("baseUrl", Target(3));
        Assert.Equal("timeoutSeconds", Target(4));
        Assert.Equal("messages[0].role", Target(5));
        Assert.Equal("messages", Target(6));
        Assert.Equal("apiKey", Target(7));
        Assert.All(lines, l => Assert.DoesNotContain(Key, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChatStart_ProviderError_ErrorAnswerWithoutTheKey()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.JsonResponse(401, "Unauthorized",
                "{\"error\":{\"message\":\"Incorrect API key provided: " + Key + "\"}}"), ct);
            return false;
        });
        using var h = new RpcHarness(s => _ = new ServeSession(s));
        h.Send(Init);
        h.Next();
        h.Send(Start(1, "openai", server.BaseUrl));
        JsonElement e = h.Next()!.Value.GetProperty("error");
        Assert.Equal(-32000, e.GetProperty("code").GetInt32());
        Assert.Equal("provider_error", e.GetProperty("data").GetProperty("code").GetString());
        Assert.Contains("HTTP 401", e.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, e.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, h.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatStart_CancelledMidStream_AnsweredAtOnceNoChunkAfter()
    {
        var connectionClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead(), ct);
            await LoopbackHttpServer.WriteAsync(stream, "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n", ct);
            // Then silence: only the client's cancellation can end this read; the closed socket shows it.
            var one = new byte[1];
            try
            {
                while (await stream.ReadAsync(one, ct) > 0)
                {
                }
            }
            catch (IOException)
            {
            }

            connectionClosed.TrySetResult();
            return false;
        });
        using var h = new RpcHarness(s => _ = new ServeSession(s));
        h.Send(Init);
        h.Next();
        h.Send(Start(5, "openai", server.BaseUrl, ",\"timeoutSeconds\":600"));
        Assert.Equal("{\"type\":\"text\",\"text\":\"Hel\"}", h.Next()!.Value.GetProperty("params").GetProperty("chunk").GetRawText());
        Assert.Equal("{\"type\":\"text\",\"text\":\"lo\"}", h.Next()!.Value.GetProperty("params").GetProperty("chunk").GetRawText());
        h.Send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":5}}");
        JsonElement answer = h.Next(5_000)!.Value;
        Assert.Equal(5, answer.GetProperty("id").GetInt32());
        Assert.Equal(-32800, answer.GetProperty("error").GetProperty("code").GetInt32());
        await connectionClosed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Nothing more for request 5: the next message is the answer to the next request.
        h.Send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tokens/count\",\"params\":{\"text\":\"a\"}}");
        Assert.Equal(6, h.Next()!.Value.GetProperty("id").GetInt32());
    }
}
