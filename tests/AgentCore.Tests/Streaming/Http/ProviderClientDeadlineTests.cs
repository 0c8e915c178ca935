using AgentCore.Streaming;
using AgentCore.Streaming.Http;
using AgentCore.Streaming.Providers;

namespace AgentCore.Tests.Streaming.Http;

/// <summary>Hostile servers: one that never answers, one that answers HTML, one that sends an endless line.</summary>
public sealed class ProviderClientDeadlineTests
{
    private static readonly ProviderClientOptions s_options = new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        IdleTimeout = TimeSpan.FromSeconds(60),
        MaxRetries = 4,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    private static ChatRequest Request(LoopbackHttpServer server, TimeSpan? timeout = null, int? maxEventBytes = null) => new()
    {
        Provider = ProviderKind.OpenAi,
        Model = "gpt-4.1-mini",
        Prompt = "Hi",
        BaseUrl = server.BaseUrl,
        Timeout = timeout,
        DecoderOptions = maxEventBytes is int max ? new StreamDecoderOptions { MaxEventBytes = max } : null,
    };

    [Fact]
    public async Task StreamChat_ServerNeverSendsHeaders_FailsAtTheTotalDeadline()
    {
        await using var server = new LoopbackHttpServer(async (_, _, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return false;
        });
        using var client = new ProviderClient(s_options);
        ProviderException e = await Assert.ThrowsAsync<ProviderException>(
            () => client.StreamChatAsync(Request(server, TimeSpan.FromSeconds(1)), new ChunkCollector()));
        Assert.Contains("no response headers", e.Message, StringComparison.Ordinal);
        Assert.Contains("1 s deadline", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamChat_BodyOutlastsTheDeadline_TimeoutErrorChunk()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead() + "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n", ct);
            await Task.Delay(Timeout.Infinite, ct);
            return false;
        });
        using var client = new ProviderClient(s_options);
        var sink = new ChunkCollector();
        ChatResult result = await client.StreamChatAsync(Request(server, TimeSpan.FromSeconds(1)), sink);
        Assert.True(result.Failed);
        Assert.Equal("a", sink.Chunks[0].Text);
        Assert.Equal("timeout", sink.Chunks[^1].Error);
        Assert.Contains("deadline", sink.Chunks[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamChat_HtmlLoginPage_FailsNamingTheContentType()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead("text/html; charset=utf-8") + "<html><body>Please log in</body></html>", ct);
            return false;
        });
        using var client = new ProviderClient(s_options);
        ProviderException e = await Assert.ThrowsAsync<ProviderException>(() => client.StreamChatAsync(Request(server), new ChunkCollector()));
        Assert.Contains("content type text/html", e.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task StreamChat_EndlessLine_EventTooLarge()
    {
        byte[] block = new byte[16 * 1024];
        block.AsSpan().Fill((byte)'x');
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead() + "data: ", ct);
            while (!ct.IsCancellationRequested)
            {
                await stream.WriteAsync(block, ct);
            }

            return false;
        });
        using var client = new ProviderClient(s_options);
        var sink = new ChunkCollector();
        ChatResult result = await client.StreamChatAsync(Request(server, maxEventBytes: 1 << 20), sink);
        Assert.True(result.Failed);
        StreamChunkRecord error = Assert.Single(sink.Chunks);
        Assert.Equal("event_too_large", error.Error);
        Assert.Contains("1048576 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_DefaultTotalTimeout_FiveMinutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), ProviderClientOptions.Default.TotalTimeout);
    }
}
