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
            Assert.Equal(["soak.conversation", "soak.index", "soak.parse", "soak.stream", "soak.tokens", "soak.walk"], result.CompletedByKind.Keys.Order(StringComparer.Ordinal));
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
    public async Task SoakWorkspace_WalkAndUpdates_ExpectedResultsAndCleanedUp()
    {
        string root;
        using (SoakWorkspace workspace = SoakWorkspace.Create(CancellationToken.None))
        {
            Assert.True(workspace.ExpectedEntries >= 20, $"{workspace.ExpectedEntries} entries");
            Assert.True(workspace.ExpectedSymbols >= 30, $"{workspace.ExpectedSymbols} symbols");
            Assert.Null(await workspace.WalkAsync(3, CancellationToken.None));

            // Updates of one slot in a row and of several slots at once: each re-parses exactly the rewritten file.
            for (int i = 0; i < 4; i++)
            {
                Assert.Null(await workspace.UpdateIndexAsync(5, CancellationToken.None));
            }

            string?[] concurrent = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => workspace.UpdateIndexAsync(i, CancellationToken.None))));
            Assert.All(concurrent, Assert.Null);
            Assert.Null(await workspace.WalkAsync(5, CancellationToken.None));
            root = workspace.Root;
            Assert.True(Directory.Exists(root));
        }

        Assert.False(Directory.Exists(root), $"{root} left behind");
    }

    [Fact]
    public void SoakVerdict_GrowthAfterWarmup_BoundExceeded()
    {
        const long Mb = 1 << 20;
        SoakSample At(double t, long rssMb) => new(t, 0, 0, rssMb * Mb, 0, 10, 10);
        SoakSample[] flat = [At(0, 40), At(5, 80), At(10, 78), At(15, 100), At(20, 115)];
        var (warmupEnd, warmupPeak, bound, afterPeak, exceededAt) = SoakOperations.JudgeMemory(flat, TimeSpan.FromSeconds(5));
        Assert.Equal(5, warmupEnd);
        Assert.Equal(80 * Mb, warmupPeak);
        Assert.Equal((long)(80 * Mb * 1.25) + (16 * Mb), bound); // 116 MiB
        Assert.Equal(115 * Mb, afterPeak);
        Assert.Null(exceededAt);
        Assert.True(SoakOperations.IsPass(100, 100, 0, exceededAt));

        SoakSample[] growing = [At(0, 40), At(5, 80), At(10, 90), At(15, 117), At(20, 150)];
        (_, _, _, _, exceededAt) = SoakOperations.JudgeMemory(growing, TimeSpan.FromSeconds(5));
        Assert.Equal(15, exceededAt);
        Assert.False(SoakOperations.IsPass(100, 100, 0, exceededAt));
    }

    [Theory]
    [InlineData(100, 99, 0)] // one lost: started, never ended
    [InlineData(100, 99, 1)] // one failed
    [InlineData(0, 0, 0)] // nothing ran
    public void SoakVerdict_LostFailedOrNothing_Fails(long started, long completed, long failed) =>
        Assert.False(SoakOperations.IsPass(started, completed, failed, boundExceededAt: null));

    [Fact]
    public void TokenCorpus_Mixed_DeterministicAndSized()
    {
        string a = TokenCorpus.Mixed(100_000);
        Assert.Equal(a, TokenCorpus.Mixed(100_000));
        Assert.InRange(a.Length, 100_000, 110_000);
        Assert.True(Encoding.UTF8.GetByteCount(a) > a.Length);
    }
}
