using System.Text;
using AgentCore.Diagnostics;
using AgentCore.Diagnostics.Workloads;
using AgentCore.Streaming;
using AgentCore.Streaming.Http;
using AgentCore.Streaming.Providers;

namespace AgentCore.Tests.Diagnostics;

[Collection(ProfilerCollection.Name)]
public sealed class WorkloadTests
{
    [Theory]
    [InlineData(StreamFormat.OpenAiChat)]
    [InlineData(StreamFormat.OpenAiResponses)]
    [InlineData(StreamFormat.Anthropic)]
    [InlineData(StreamFormat.Gemini)]
    [InlineData(StreamFormat.Ollama)]
    public void StreamRecordings_Body_DecodesWithoutErrorAndHasEvents(StreamFormat format)
    {
        var chunks = new ChunkCollector();
        using StreamDecoder decoder = StreamDecoder.Create(format, chunks);
        decoder.Push(StreamRecordings.Body(format).Span);
        decoder.Complete();
        Assert.False(decoder.HasFailed);
        Assert.True(StreamRecordings.EventCount(format) >= 10);
        Assert.Contains(chunks.Chunks, c => c.Type == StreamChunkType.Text);
    }

    [Fact]
    public async Task LoopbackServer_EachProvider_ProviderClientGetsTheRecordedStream()
    {
        await using var server = new LoopbackProviderServer();
        using var client = new ProviderClient(new ProviderClientOptions { MaxRetries = 0 });
        for (int p = 0; p < ProviderKinds.Names.Count; p++)
        {
            var kind = (ProviderKind)p;
            var viaHttp = new ChunkCollector();
            ChatResult result = await client.StreamChatAsync(
                new ChatRequest { Provider = kind, Model = "m", Prompt = "hi", BaseUrl = server.BaseUrl }, viaHttp, CancellationToken.None);
            Assert.False(result.Failed);

            var direct = new ChunkCollector();
            using (StreamDecoder decoder = StreamDecoder.Create(ProviderKinds.StreamFormat(kind), direct))
            {
                decoder.Push(StreamRecordings.Body(ProviderKinds.StreamFormat(kind)).Span);
                decoder.Complete();
            }

            Assert.Equal(direct.Chunks.Count, viaHttp.Chunks.Count);
        }

        Assert.Equal(ProviderKinds.Names.Count, server.Served);
    }

    [Fact]
    public async Task Soak_ShortRun_PassesWritesCsvAndSvg()
    {
        string dir = Directory.CreateTempSubdirectory("agentcore-soak-").FullName;
        try
        {
            var request = new SoakRequest
            {
                Duration = TimeSpan.FromSeconds(3), Concurrency = 16, SampleInterval = TimeSpan.FromMilliseconds(500),
                CsvPath = Path.Combine(dir, "s.csv"), SvgPath = Path.Combine(dir, "s.svg"),
            };
            SoakResult result = await SoakOperations.RunAsync(request, null, CancellationToken.None);
            Assert.True(result.Passed, result.FirstFailure ?? $"rss bound exceeded at {result.BoundExceededAtSeconds}");
            Assert.Equal(0, result.Lost);
            Assert.Equal(result.Started, result.Completed);
            Assert.All(result.CompletedByKind.Values, v => Assert.True(v > 0));
            string[] csv = await File.ReadAllLinesAsync(request.CsvPath, CancellationToken.None);
            Assert.Equal("elapsed_s,operations,failures,rss_bytes,gc_heap_bytes,handles,threads", csv[0]);
            Assert.True(csv.Length >= 4);
            string svg = await File.ReadAllTextAsync(request.SvgPath, CancellationToken.None);
            Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
            System.Xml.Linq.XDocument.Parse(svg); // well-formed XML
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TokenCorpus_Mixed_DeterministicAndSized()
    {
        string a = TokenCorpus.Mixed(100_000);
        Assert.Equal(a, TokenCorpus.Mixed(100_000));
        Assert.InRange(a.Length, 100_000, 110_000);
        Assert.True(Encoding.UTF8.GetByteCount(a) > a.Length);
    }
}
