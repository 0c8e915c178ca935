// Last run: see docs/performance.md, "Native tool calls (issue 13)" (table and command there).

using AgentCore.ToolCalls;
using BenchmarkDotNet.Attributes;

namespace AgentCore.Benchmarks.Parsing;

/// <summary>
/// The spec's §10 case: one <c>write_to_file</c> call streamed in 20-character deltas, a partial tool use built after
/// every delta (not serialised), then the final: AgentCore's incremental assembly. The reference took 2.8 s (100 KB)
/// and 330–382 s (1 MB) under Node.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class NativeToolCallBenchmarks
{
    private string[] _deltas = [];

    [Params(102_400, 1_048_576)]
    public int ContentLength { get; set; }

    [GlobalSetup]
    public void Setup() => _deltas = WriteToFileCorpus.Deltas(WriteToFileCorpus.Arguments(ContentLength), 20);

    [Benchmark(Description = "AgentCore incremental, 20-char deltas")]
    public int Incremental() => NativeToolCallDrivers.Incremental(_deltas);
}

/// <summary>
/// The same 100 KB call: the reference's way (the whole accumulated text re-parsed with partial-json's algorithm
/// after every delta, then the partial built) against AgentCore's incremental assembly. The baseline is quadratic,
/// so it runs at 100 KB only (1 MB would take minutes per invocation).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class NativeToolCallVersusReparseBenchmarks
{
    private string[] _deltas = [];

    [GlobalSetup]
    public void Setup()
    {
        _deltas = WriteToFileCorpus.Deltas(WriteToFileCorpus.Arguments(102_400), 20);
        if (NativeToolCallDrivers.Incremental(_deltas) != NativeToolCallDrivers.ReparsePerDelta(_deltas))
        {
            throw new InvalidOperationException("the two drivers disagree");
        }
    }

    [Benchmark(Baseline = true, Description = "Re-parse per delta (reference algorithm), 100 KB")]
    public int Reparse() => NativeToolCallDrivers.ReparsePerDelta(_deltas);

    [Benchmark(Description = "AgentCore incremental, 100 KB")]
    public int Incremental() => NativeToolCallDrivers.Incremental(_deltas);
}

/// <summary>The two ways of driving one streamed call.</summary>
internal static class NativeToolCallDrivers
{
    /// <summary>Through <see cref="ToolCallStream"/> as the consumer drives it; returns the final content length.</summary>
    public static int Incremental(string[] deltas)
    {
        var sink = new CountingSink();
        var stream = new ToolCallStream(sink);
        stream.ProcessChunk(0, ToolCallIndex.FromNumber(0), "call_1", "write_to_file", "");
        foreach (string d in deltas)
        {
            stream.ProcessChunk(1, ToolCallIndex.FromNumber(0), null, null, d);
        }

        stream.EndStream(2);
        return ((JsString)((JsObject)stream.Blocks[0].NativeArgs!).Get("content")!).Value.Length + sink.Partials;
    }

    /// <summary>The reference's way: append, re-parse everything with partial-json's algorithm, build the partial.</summary>
    public static int ReparsePerDelta(string[] deltas)
    {
        var text = new System.Text.StringBuilder();
        int partials = 0;
        foreach (string d in deltas)
        {
            text.Append(d);
            JsValue? v = PartialJson.Parse(text.ToString());
            if (v is not null && ToolUseBuilder.BuildPartial("write_to_file", v) is not null)
            {
                partials++;
            }
        }

        ToolUse final = ToolUseBuilder.BuildFinal("call_1", "write_to_file", text.ToString().AsMemory(), new HashSet<string>(), out _)!;
        return ((JsString)((JsObject)final.NativeArgs!).Get("content")!).Value.Length + partials;
    }

    private sealed class CountingSink : IToolCallSink
    {
        public int Partials { get; private set; }

        public void OnEvent(int at, in ToolCallEvent e, bool duplicate)
        {
        }

        public void OnPartial(int at, string id, ToolUse? toolUse)
        {
            if (toolUse is not null)
            {
                Partials++;
            }
        }

        public void OnFinal(int at, string id, ToolUse? toolUse, ToolCallErrorKind error)
        {
        }

        public void OnBlocks(int at, IReadOnlyList<ToolUse> blocks)
        {
        }
    }
}
