using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using AgentCore.Streaming;
using SseParser = System.Net.ServerSentEvents.SseParser;
using BenchmarkDotNet.Attributes;
using OpenAI;
using OpenAI.Chat;

using AgentCore.Diagnostics.Workloads;

namespace AgentCore.Benchmarks.Streaming;

// BenchmarkDotNet v0.15.8, Linux Debian GNU/Linux 12 (bookworm)
// AMD EPYC 2.60GHz, 1 CPU, 2 logical and 2 physical cores
//   [Host]   : .NET 10.0.12 (10.0.12, 10.0.1226.42308), X64 RyuJIT x86-64-v4
// Job=ShortRun  IterationCount=3  LaunchCount=1
// | Method                    | Mean       | Error      | StdDev    | Ratio | RatioSD | Gen0   | Allocated | Alloc Ratio |
// | SseParserPlusSourceGenStj | 1,108.4 ns |   232.6 ns |  12.75 ns |  1.00 |    0.01 | 0.0469 |     882 B |       1.000 |
// | AgentCoreDecoder          |   421.5 ns |   264.4 ns |  14.49 ns |  0.38 |    0.01 |      - |       1 B |       0.001 |
// | OpenAiSdk                 | 2,813.6 ns | 9,630.4 ns | 527.88 ns |  2.54 |    0.41 | 0.1563 |    2871 B |       3.255 |

/// <summary>
/// Cost per OpenAI Chat Completions delta event: AgentCore's decoder vs System.Net.ServerSentEvents + source-generated
/// System.Text.Json (baseline) vs the OpenAI .NET SDK 2.15.0 (fed the same body through a fake HTTP handler).
/// Each operation decodes a 1,000-event body; results are per event (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StreamDecodeBenchmarks
{
    private const int Events = 1000;
    private byte[] _body = [];
    private ChatClient _sdk = null!;
    private readonly NullSink _sink = new();

    [GlobalSetup]
    public void Setup()
    {
        _body = ChatDeltaStream.Create(Events);
        var http = new HttpClient(new BodyHandler(() => _body));
        _sdk = new ChatClient("gpt-4.1-mini", new ApiKeyCredential("sk-bench"), new OpenAIClientOptions { Transport = new HttpClientPipelineTransport(http) });
        int expected = AgentCoreDecoder();
        if (expected == 0 || SseParserPlusSourceGenStj() != expected || OpenAiSdk() != expected)
        {
            throw new InvalidOperationException($"the three decoders disagree: {expected}, {SseParserPlusSourceGenStj()}, {OpenAiSdk()}");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int SseParserPlusSourceGenStj()
    {
        int chars = 0;
        using var stream = new MemoryStream(_body, writable: false);
        System.Net.ServerSentEvents.SseParser<PeerChunk?> parser = SseParser.Create(stream, static (_, data) =>
            data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, PeerJsonContext.Default.PeerChunk));
        foreach (SseItem<PeerChunk?> item in parser.Enumerate())
        {
            if (item.Data?.Choices is [{ Delta.Content: string content }, ..])
            {
                chars += content.Length;
            }
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int AgentCoreDecoder()
    {
        _sink.Chars = 0;
        using StreamDecoder decoder = StreamDecoder.Create(StreamFormat.OpenAiChat, _sink);
        decoder.Push(_body);
        decoder.Complete();
        return _sink.Chars;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int OpenAiSdk()
    {
        int chars = 0;
        foreach (StreamingChatCompletionUpdate update in _sdk.CompleteChatStreaming([new UserChatMessage("hi")]))
        {
            foreach (ChatMessageContentPart part in update.ContentUpdate)
            {
                chars += part.Text.Length;
            }
        }

        return chars;
    }

    private sealed class NullSink : IStreamChunkSink
    {
        public int Chars { get; set; }

        public void OnChunk(in StreamChunk chunk) => Chars += chunk.Text.Length;
    }

    private sealed class BodyHandler(Func<byte[]> body) : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Create();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(Create());

        private HttpResponseMessage Create()
        {
            var content = new ByteArrayContent(body());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }
    }
}
