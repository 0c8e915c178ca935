using System.Net;
using System.Text;
using System.Text.Json;
using AgentCore.Streaming;
using AgentCore.Streaming.Http;
using AgentCore.Streaming.Providers;

namespace AgentCore.Tests.Streaming.Http;

/// <summary>End-to-end tests of the provider client against a loopback server started by each test.</summary>
public sealed class ProviderClientTests
{
    private static readonly ProviderClientOptions s_fast = new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        IdleTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    private static ChatRequest Request(LoopbackHttpServer server, ProviderKind provider = ProviderKind.OpenAi, string? keyVariable = null) => new()
    {
        Provider = provider,
        Model = "gpt-4.1-mini",
        Prompt = "Hi",
        BaseUrl = server.BaseUrl,
        ApiKeyVariable = keyVariable,
    };

    [Fact]
    public async Task StreamChat_TrickledBytes_SameChunksAsDecodingTheBody()
    {
        byte[] body = StreamTestData.StreamBytes("openai-chat", "reasoning");
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead(), ct);
            for (int i = 0, step = 1; i < body.Length; i += step, step = (step % 7) + 1)
            {
                await stream.WriteAsync(body.AsMemory(i, Math.Min(step, body.Length - i)), ct);
                if (i % 256 == 0)
                {
                    await Task.Yield();
                }
            }

            return false;
        });
        using var client = new ProviderClient(s_fast);
        var sink = new ChunkCollector();
        ChatResult result = await client.StreamChatAsync(Request(server), sink);
        Assert.False(result.Failed);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(StreamTestData.Decode(StreamFormat.OpenAiChat, body), sink.Chunks);
    }

    [Fact]
    public async Task StreamChat_DisconnectMidStream_IncompleteErrorChunk()
    {
        byte[] body = StreamTestData.StreamBytes("anthropic", "plain-text");
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead(), ct);
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2), ct);
            return false; // closes the connection
        });
        using var client = new ProviderClient(s_fast);
        var sink = new ChunkCollector();
        ChatResult result = await client.StreamChatAsync(Request(server, ProviderKind.Anthropic), sink);
        Assert.True(result.Failed);
        Assert.Equal("stream_incomplete", sink.Chunks[^1].Error);
        Assert.Contains(sink.Chunks, c => c.Type == StreamChunkType.Text);
    }

    [Fact]
    public async Task StreamChat_ContentLengthCutShort_ConnectionLostErrorChunk()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: 5000\r\n\r\ndata: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n", ct);
            return false;
        });
        using var client = new ProviderClient(s_fast);
        var sink = new ChunkCollector();
        ChatResult result = await client.StreamChatAsync(Request(server), sink);
        Assert.True(result.Failed);
        Assert.Equal("a", sink.Chunks[0].Text);
        Assert.Equal("connection_lost", sink.Chunks[^1].Error);
    }

    [Fact]
    public async Task StreamChat_429ThenSuccess_RetriedHonouringRetryAfter()
    {
        await using var server = new LoopbackHttpServer(async (n, _, stream, ct) =>
        {
            if (n == 0)
            {
                await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.JsonResponse(429, "Too Many Requests", "{\"error\":{\"message\":\"slow down\"}}", "Retry-After: 0\r\n"), ct);
                return true;
            }

            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead() + "data: {\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}\n\ndata: [DONE]\n\n", ct);
            return false;
        });
        using var client = new ProviderClient(s_fast with { RetryBaseDelay = TimeSpan.FromHours(1), MaxRetryDelay = TimeSpan.FromHours(1) });
        var sink = new ChunkCollector();
        ChatResult result = await client.StreamChatAsync(Request(server), sink);
        Assert.False(result.Failed);
        Assert.Equal(2, result.Attempts);
        Assert.Equal("ok", Assert.Single(sink.Chunks).Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task StreamChat_503Always_RetriesThenProviderMessage()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.JsonResponse(503, "Service Unavailable", "{\"error\":{\"message\":\"overloaded, try later\"}}"), ct);
            return true;
        });
        using var client = new ProviderClient(s_fast);
        ProviderException e = await Assert.ThrowsAsync<ProviderException>(() => client.StreamChatAsync(Request(server), new ChunkCollector()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Contains("overloaded, try later", e.Message, StringComparison.Ordinal);
        Assert.Equal(1 + s_fast.MaxRetries, server.Requests.Count);
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "Not Found")]
    public async Task StreamChat_ClientError_NoRetryProviderMessageKeyRedacted(int status, string reason)
    {
        const string Secret = "sk-test-0123456789abcdef";
        string variable = "AGENTCORE_TEST_KEY_" + status;
        Environment.SetEnvironmentVariable(variable, Secret);
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.JsonResponse(status, reason, $"{{\"error\":{{\"message\":\"Incorrect API key provided: {Secret}.\",\"type\":\"invalid_request_error\"}}}}"), ct);
            return true;
        });
        using var client = new ProviderClient(s_fast);
        ProviderException e = await Assert.ThrowsAsync<ProviderException>(() => client.StreamChatAsync(Request(server, keyVariable: variable), new ChunkCollector()));
        Assert.Equal((HttpStatusCode)status, e.StatusCode);
        Assert.StartsWith($"HTTP {status} {reason}: Incorrect API key provided: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.Equal("Bearer " + Secret, server.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task StreamChat_StalledMidStream_TimeoutErrorChunk()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead() + "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n", ct);
            await Task.Delay(Timeout.Infinite, ct);
            return false;
        });
        using var client = new ProviderClient(s_fast with { IdleTimeout = TimeSpan.FromMilliseconds(300) });
        var sink = new ChunkCollector();
        ChatResult result = await client.StreamChatAsync(Request(server), sink);
        Assert.True(result.Failed);
        Assert.Equal("a", sink.Chunks[0].Text);
        Assert.Equal("timeout", sink.Chunks[^1].Error);
    }

    [Fact]
    public async Task StreamChat_StalledBeforeHeaders_TimeoutProviderException()
    {
        await using var server = new LoopbackHttpServer(async (_, _, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return false;
        });
        using var client = new ProviderClient(s_fast with { IdleTimeout = TimeSpan.FromMilliseconds(200), MaxRetries = 0 });
        ProviderException e = await Assert.ThrowsAsync<ProviderException>(() => client.StreamChatAsync(Request(server), new ChunkCollector()));
        Assert.Contains("timeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamChat_CancelledAfterFirstChunk_StopsWithOperationCanceled()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead() + "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n", ct);
            await Task.Delay(Timeout.Infinite, ct);
            return false;
        });
        using var client = new ProviderClient(s_fast with { IdleTimeout = TimeSpan.FromMinutes(5) });
        using var cancel = new CancellationTokenSource();
        var sink = new CancellingSink(cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.StreamChatAsync(Request(server), sink, cancel.Token));
        Assert.Equal(1, sink.Count);
    }

    [Fact]
    public async Task StreamChat_ConnectionRefused_RetriedThenProviderException()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new ProviderClient(s_fast with { MaxRetries = 1 });
        ProviderException e = await Assert.ThrowsAsync<ProviderException>(() => client.StreamChatAsync(
            new ChatRequest { Provider = ProviderKind.OpenAi, Model = "m", Prompt = "p", BaseUrl = $"http://127.0.0.1:{port}/v1" }, new ChunkCollector()));
        Assert.StartsWith("cannot reach 127.0.0.1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamChat_UnsetKeyVariable_ProviderExceptionNamingTheVariable()
    {
        using var client = new ProviderClient(s_fast);
        ProviderException e = await Assert.ThrowsAsync<ProviderException>(() => client.StreamChatAsync(
            new ChatRequest { Provider = ProviderKind.Anthropic, Model = "m", Prompt = "p", ApiKeyVariable = "AGENTCORE_TEST_UNSET_VARIABLE" }, new ChunkCollector()));
        Assert.Contains("AGENTCORE_TEST_UNSET_VARIABLE", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProviderKind.OpenAi, "/v1/chat/completions", "Authorization", "Bearer k-123456")]
    [InlineData(ProviderKind.OpenAiResponses, "/v1/responses", "Authorization", "Bearer k-123456")]
    [InlineData(ProviderKind.Anthropic, "/v1/messages", "x-api-key", "k-123456")]
    [InlineData(ProviderKind.Gemini, "/v1/models/gpt-4.1-mini:streamGenerateContent?alt=sse", "x-goog-api-key", "k-123456")]
    [InlineData(ProviderKind.Ollama, "/api/chat", null, null)]
    public async Task StreamChat_EachProvider_RequestShape(ProviderKind provider, string path, string? keyHeader, string? keyValue)
    {
        Environment.SetEnvironmentVariable("AGENTCORE_TEST_KEY_SHAPE", "k-123456");
        string format = provider switch
        {
            ProviderKind.OpenAi => "openai-chat",
            ProviderKind.OpenAiResponses => "openai-responses",
            ProviderKind.Anthropic => "anthropic",
            ProviderKind.Gemini => "gemini",
            _ => "ollama",
        };
        byte[] body = StreamTestData.StreamBytes(format, "plain-text");
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead(), ct);
            await stream.WriteAsync(body, ct);
            return false;
        });
        using var client = new ProviderClient(s_fast);
        var sink = new ChunkCollector();
        ChatResult result = await client.StreamChatAsync(Request(server, provider, provider == ProviderKind.Ollama ? null : "AGENTCORE_TEST_KEY_SHAPE"), sink);
        Assert.False(result.Failed);
        LoopbackRequest r = Assert.Single(server.Requests);
        Assert.Equal("POST", r.Method);
        Assert.Equal(path, r.Path);
        if (keyHeader is not null)
        {
            Assert.Equal(keyValue, r.Headers[keyHeader]);
        }
        else
        {
            Assert.False(r.Headers.ContainsKey("Authorization"));
        }

        using JsonDocument json = JsonDocument.Parse(r.Body);
        Assert.Contains("Hi", r.Body, StringComparison.Ordinal);
        if (provider != ProviderKind.Gemini)
        {
            Assert.Equal("gpt-4.1-mini", json.RootElement.GetProperty("model").GetString());
            Assert.True(json.RootElement.GetProperty("stream").GetBoolean());
        }

        Assert.Equal(StreamTestData.Text(StreamTestData.Decode(StreamTestData.Format(format), body), StreamChunkType.Text), StreamTestData.Text(sink.Chunks, StreamChunkType.Text));
    }

    [Fact]
    public async Task StreamChat_KeepAlive_SecondRequestReusesConnection()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            string sse = "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\ndata: [DONE]\n\n";
            await LoopbackHttpServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: {Encoding.UTF8.GetByteCount(sse)}\r\n\r\n{sse}", ct);
            return true;
        });
        using var client = new ProviderClient(s_fast);
        Assert.False((await client.StreamChatAsync(Request(server), new ChunkCollector())).Failed);
        Assert.False((await client.StreamChatAsync(Request(server), new ChunkCollector())).Failed);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, server.ConnectionCount);
    }

    private sealed class CancellingSink(CancellationTokenSource cancel) : IStreamChunkSink
    {
        public int Count { get; private set; }

        public void OnChunk(in StreamChunk chunk)
        {
            Count++;
            cancel.Cancel();
        }
    }
}
