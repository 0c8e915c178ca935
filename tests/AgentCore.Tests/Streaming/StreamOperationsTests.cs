using System.Text;
using AgentCore.Operations;
using AgentCore.Streaming;
using AgentCore.Streaming.Http;
using AgentCore.Streaming.Providers;
using AgentCore.Tests.Operations;
using AgentCore.Tests.Streaming.Http;

namespace AgentCore.Tests.Streaming;

public sealed class StreamOperationsTests
{
    /// <summary>Collects chunks and counts the flushes the operation asks for.</summary>
    private sealed class FlushCountingSink : IStreamChunkSink
    {
        public List<StreamChunkRecord> Chunks { get; } = [];

        public List<int> ChunksAtFlush { get; } = [];

        public void OnChunk(in StreamChunk chunk) => Chunks.Add(chunk.ToRecord());

        public void Flush() => ChunksAtFlush.Add(Chunks.Count);
    }

    [Theory]
    [MemberData(nameof(StreamTestData.Fixtures), MemberType = typeof(StreamTestData))]
    public async Task DecodeAsync_Fixture_SameChunksAsTheDecoder(string provider, string scenario)
    {
        byte[] body = StreamTestData.StreamBytes(provider, scenario);
        var sink = new FlushCountingSink();
        using var input = new MemoryStream(body);
        await StreamOperations.DecodeAsync(new DecodeStreamRequest { Format = provider, Input = input }, sink, CancellationToken.None);
        Assert.Equal(StreamTestData.Decode(StreamTestData.Format(provider), body), sink.Chunks);
    }

    [Fact]
    public async Task DecodeAsync_OneEventPerRead_FlushesAfterEachEvent()
    {
        const string Events = "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n";
        byte[] body = Encoding.UTF8.GetBytes(Events + Events + Events + "data: [DONE]\n\n");
        var sink = new FlushCountingSink();
        using var input = new ScriptedStream(body, Events.Length, 0, () => { });
        await StreamOperations.DecodeAsync(new DecodeStreamRequest { Format = "openai-chat", Input = input }, sink, CancellationToken.None);
        Assert.Equal([1, 2, 3], sink.ChunksAtFlush.Take(3));
    }

    [Fact]
    public async Task DecodeAsync_ProviderErrorInStream_ErrorChunkFirstThenProviderError()
    {
        var sink = new FlushCountingSink();
        string body = "data: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}\n\n";
        OperationException e = await Assert.ThrowsAsync<OperationException>(() =>
            StreamOperations.DecodeAsync(new DecodeStreamRequest { Format = "openai-chat", Body = body }, sink, CancellationToken.None));
        Assert.Equal(ErrorCodes.Provider, e.Error.Code);
        Assert.Equal($"{sink.Chunks[^1].Error}: {sink.Chunks[^1].Message}", e.Error.Message);
        Assert.Equal(StreamChunkType.Error, sink.Chunks[^1].Type);
    }

    [Fact]
    public async Task DecodeAsync_BadRequests_InvalidArgumentOrFileError()
    {
        var sink = new FlushCountingSink();
        Assert.Equal("format", (await Assert.ThrowsAsync<OperationException>(() => StreamOperations.DecodeAsync(new DecodeStreamRequest { Format = "sse", Body = "" }, sink, CancellationToken.None))).Error.Target);
        Assert.Equal(ErrorCodes.InvalidArgument, (await Assert.ThrowsAsync<OperationException>(() => StreamOperations.DecodeAsync(new DecodeStreamRequest { Format = "ollama", Path = "" }, sink, CancellationToken.None))).Error.Code);
        OperationException missing = await Assert.ThrowsAsync<OperationException>(() => StreamOperations.DecodeAsync(new DecodeStreamRequest { Format = "ollama", Path = "/no/such/agentcore.ndjson" }, sink, CancellationToken.None));
        Assert.Equal("/no/such/agentcore.ndjson: no such file or directory", missing.Error.Message);
        string dir = AppContext.BaseDirectory.TrimEnd('/');
        Assert.Equal(ErrorCodes.IsDirectory, (await Assert.ThrowsAsync<OperationException>(() => StreamOperations.DecodeAsync(new DecodeStreamRequest { Format = "ollama", Path = dir }, sink, CancellationToken.None))).Error.Code);
    }

    [Fact]
    public async Task DecodeAsync_CancelledMidStream_StopsReading()
    {
        byte[] body = StreamTestData.StreamBytes("anthropic", "plain-text");
        using var cancel = new CancellationTokenSource();
        var sink = new FlushCountingSink();
        using var input = new ScriptedStream(body, 16, 3, cancel.Cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StreamOperations.DecodeAsync(new DecodeStreamRequest { Format = "anthropic", Input = input }, sink, cancel.Token));
        Assert.True(input.Reads < body.Length / 16);
    }

    [Fact]
    public async Task ChatAsync_HttpError_ProviderErrorWithTheProvidersMessage()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.JsonResponse(401, "Unauthorized", """{"error":{"message":"Incorrect API key provided"}}"""), ct);
            return false;
        });
        using var client = new ProviderClient();
        var request = new ChatRequest { Provider = ProviderKind.Ollama, Model = "m", Prompt = "Hi", BaseUrl = server.BaseUrl };
        OperationException e = await Assert.ThrowsAsync<OperationException>(() => StreamOperations.ChatAsync(client, request, new FlushCountingSink(), CancellationToken.None));
        Assert.Equal(ErrorCodes.Provider, e.Error.Code);
        Assert.Contains("Incorrect API key provided", e.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatAsync_CancelledWhileWaitingForTheServer_Cancelled()
    {
        using var cancel = new CancellationTokenSource();
        await using var server = new LoopbackHttpServer(async (_, _, _, ct) =>
        {
            await cancel.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
            return false;
        });
        using var client = new ProviderClient();
        var request = new ChatRequest { Provider = ProviderKind.Ollama, Model = "m", Prompt = "Hi", BaseUrl = server.BaseUrl };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StreamOperations.ChatAsync(client, request, new FlushCountingSink(), cancel.Token));
    }
}
