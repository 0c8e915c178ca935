using System.Text.Json;
using AgentCore.Diagnostics.Workloads;
using AgentCore.Streaming;
using BenchmarkDotNet.Attributes;

namespace AgentCore.Benchmarks.Streaming;

// Results: docs/performance.md, "Streaming: one provider-request builder, decoders dispatch on the event type".

/// <summary>
/// Cost per event of each provider format's decoder over its recorded plain-text reply (the recordings the
/// <c>bench</c> verb decodes), a new decoder per body as in a chat. Baseline: one <see cref="Utf8JsonReader"/> pass
/// over the same events' JSON (what any decoder must at least do; unaffected by changes to the decoders, so the ratio
/// compares runs made under different machine load).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StreamFormatDecodeBenchmarks
{
    private const int Bodies = 50;
    private byte[] _body = [];
    private byte[][] _events = [];
    private readonly NullSink _sink = new();

    [Params(StreamFormat.OpenAiChat, StreamFormat.OpenAiResponses, StreamFormat.Anthropic, StreamFormat.Gemini, StreamFormat.Ollama)]
    public StreamFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = StreamRecordings.Body(Format).ToArray();
        var events = new List<byte[]>();
        foreach (Range range in _body.AsSpan().Split((byte)'\n'))
        {
            ReadOnlySpan<byte> line = _body.AsSpan(range).TrimEnd((byte)'\r');
            if (Format == StreamFormat.Ollama ? !line.IsEmpty : line.StartsWith("data: {"u8))
            {
                events.Add(Format == StreamFormat.Ollama ? line.ToArray() : line[6..].ToArray());
            }
        }

        _events = [.. events];
        if (_events.Length != StreamRecordings.EventCount(Format) - (Format == StreamFormat.OpenAiChat ? 1 : 0))
        {
            throw new InvalidOperationException($"{Format}: {_events.Length} JSON events, {StreamRecordings.EventCount(Format)} events");
        }
    }

    [Benchmark(Baseline = true)]
    public int JsonReaderPass()
    {
        int tokens = 0;
        for (int b = 0; b < Bodies; b++)
        {
            foreach (byte[] e in _events)
            {
                var reader = new Utf8JsonReader(e);
                while (reader.Read())
                {
                    tokens++;
                }
            }
        }

        return tokens;
    }

    [Benchmark]
    public int Decoder()
    {
        _sink.Chunks = 0;
        for (int b = 0; b < Bodies; b++)
        {
            using StreamDecoder decoder = StreamDecoder.Create(Format, _sink);
            decoder.Push(_body);
            decoder.Complete();
        }

        return _sink.Chunks;
    }

    private sealed class NullSink : IStreamChunkSink
    {
        public int Chunks { get; set; }

        public void OnChunk(in StreamChunk chunk) => Chunks++;
    }
}
