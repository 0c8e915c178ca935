using AgentCore.Diagnostics;
using AgentCore.Diagnostics.Workloads;
using AgentCore.Parsing;
using AgentCore.Streaming;
using AgentCore.Tokenization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace AgentCore.Benchmarks.Diagnostics;

/// <summary>
/// The proof that profiling scopes cost nothing measurable when off: the library's hot loops, each entering its own
/// scope on every call (<c>tokens.count</c> per message, <c>stream.decode</c> per network read, <c>parse.chunk</c> per
/// streamed chunk), timed in two processes that differ only in the feature switch
/// <c>AgentCore.Diagnostics.Profiler.IsSupported</c>:
/// <list type="bullet">
/// <item><b>compiled in, off</b>: the switch true (the shipped binary without <c>--trace</c>): every scope reads the
/// volatile "on" flag and branches;</item>
/// <item><b>folded out</b> (baseline): the switch false before the profiler's first use, so tier-1 JIT folds the
/// <c>static readonly</c> <see cref="Profiler.IsSupported"/> to false and drops the scope code, as ILC does for a binary
/// published with the switch off.</item>
/// </list>
/// The code timed is identical; only the switch differs (checked in <see cref="Setup"/>: a process whose profiler was
/// initialised before the switch was set fails instead of measuring the wrong variant).
/// </summary>
/// <remarks>
/// Run (figures in docs/performance.md, Observability):
/// <c>flock /tmp/bench.lock dotnet run -c Release --project bench/AgentCore.Benchmarks -- --filter '*ScopeCostBenchmarks*'</c>
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[Config(typeof(Jobs))]
public class ScopeCostBenchmarks
{
    private const string SwitchName = "AgentCore.Diagnostics.Profiler.IsSupported";
    private const string Variable = "AGENTCORE_BENCH_PROFILER_SUPPORTED";
    private const int ReadSize = 512;
    private const int ChunkChars = 20;

    private byte[][] _messages = [];
    private (StreamFormat Format, byte[] Body)[] _bodies = [];
    private string _reply = "";
    private readonly Sink _sink = new();

    [GlobalSetup]
    public void Setup()
    {
        // Before anything touches Profiler: its static IsSupported is read from the switch once, when the type initialises.
        bool supported = Environment.GetEnvironmentVariable(Variable) != "false";
        AppContext.SetSwitch(SwitchName, supported);
        if (Profiler.IsSupported != supported)
        {
            throw new InvalidOperationException($"{SwitchName}: the profiler was initialised before the switch was set; this process would time the wrong variant");
        }

        _messages = ShortMessages.Create();

        _bodies = [.. Enumerable.Range(0, StreamFormats.Names.Count).Select(f => ((StreamFormat)f, StreamRecordings.Body((StreamFormat)f).ToArray()))];
        _reply = ReplyCorpus.WriteToFileReply();
    }

    [Benchmark(Description = "token counting: 2,000 messages of 60-300 bytes, one scope each")]
    public long TokenCounting()
    {
        long total = 0;
        foreach (byte[] m in _messages)
        {
            total += Tokenizer.O200kBase.CountTokensUtf8(m);
        }

        return total;
    }

    [Benchmark(Description = "stream decoding: 5 recorded bodies in 512-byte reads, one scope per read")]
    public long StreamDecoding()
    {
        _sink.Chunks = 0;
        foreach ((StreamFormat format, byte[] body) in _bodies)
        {
            using StreamDecoder decoder = StreamDecoder.Create(format, _sink);
            for (int i = 0; i < body.Length; i += ReadSize)
            {
                decoder.Push(body.AsSpan(i, Math.Min(ReadSize, body.Length - i)));
            }

            decoder.Complete();
        }

        return _sink.Chunks;
    }

    [Benchmark(Description = "parsing: 19,619-char write_to_file reply in 20-char chunks, one scope per chunk")]
    public int Parsing()
    {
        var parser = new AssistantMessageParser();
        AssistantMessageBlocks blocks = default;
        for (int i = 0; i < _reply.Length; i += ChunkChars)
        {
            blocks = parser.ProcessChunk(_reply.AsSpan(i, Math.Min(ChunkChars, _reply.Length - i)));
        }

        parser.FinalizeContentBlocks();
        return blocks.Count;
    }

    private sealed class Sink : IStreamChunkSink
    {
        public long Chunks { get; set; }

        public void OnChunk(in StreamChunk chunk) => Chunks++;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1812", Justification = "Instantiated by BenchmarkDotNet through [Config].")]
    private sealed class Jobs : ManualConfig
    {
        public Jobs()
        {
            Job job = Job.Default.WithLaunchCount(1).WithWarmupCount(6).WithIterationCount(20);
            AddJob(job.WithEnvironmentVariable(Variable, "false").WithId("FoldedOut").AsBaseline());
            AddJob(job.WithEnvironmentVariable(Variable, "true").WithId("CompiledInOff"));
        }
    }
}
